import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { LoadedArticle } from "../article/load.ts";
import { viewMeta } from "../article/view.ts";
import { readFileNoFollow } from "../fs/no-follow.ts";
import { buildBrowseIndex } from "../browse/index.ts";
import { linkedArticles } from "../site/page-key.ts";
import { buildVersionChains } from "../versions/chain.ts";
import { spanName, spanOf } from "./parts.ts";

/**
 * Fingerprints of the parts of a site built in parts: a hash of everything a part's output
 * depends on, so a part whose fingerprint is unchanged is reused instead of built again
 * (locally by `npm run build:part`, on GitHub Actions by the cache keyed by it).
 */

/** The project files a build's output is made by: its code, its static files and its locked dependencies. */
export const CODE_FILES = [
  "src/**",
  "public/**",
  "astro.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

/** What every part depends on besides its articles. */
export interface SharedInputs {
  /** A hash of the project's code (codeHash). */
  code: string;
  /** The archive's site-wide files by name (site.yaml, conversion.yaml, the source checks' ledger), absent ones as "". */
  site: Record<string, string>;
  /** Settings from the environment that change the output (SEARCH_SHARD_PAGES, ARCHIVE_SCRIPTS). */
  settings: Record<string, string | undefined>;
}

/** A hash of the project's code files under `root`, by path and content. */
export async function codeHash(root: string): Promise<string> {
  const files = (await glob(CODE_FILES, { cwd: root, dot: true })).sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\n`)
      .update(await readFile(path.join(root, file)))
      .update("\n");
  return hash.digest("hex");
}

/**
 * The fingerprint of each part (by its span's name) of an archive built with `yearsPerPart`
 * years a part: the shared inputs, and for each of its articles the article's file, its
 * attached files and the front matter of every article its pages name (the same data as
 * the article pages' keys for incremental builds, src/data/page-keys.ts). An edit reaches
 * other parts only through what their pages show of the edited article.
 */
export async function partFingerprints(
  articles: readonly LoadedArticle[],
  yearsPerPart: number,
  shared: SharedInputs,
): Promise<Map<string, string>> {
  const index = buildBrowseIndex(
    articles.map((article) => ({ meta: article.meta, body: article.body })),
    { view: viewMeta },
  );
  const chains = buildVersionChains(articles.map((article) => article.meta));
  const bodyHashes = new Map(
    articles.map((article) => [article.meta.id, createHash("sha256").update(article.body).digest("hex")]),
  );
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  const ordered = [...articles].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  for (const article of ordered) {
    const part = spanName(spanOf(Number(article.meta.date.day.slice(0, 4)), yearsPerPart));
    let hash = hashes.get(part);
    if (!hash) {
      hash = createHash("sha256").update(JSON.stringify({ part, ...shared }));
      hashes.set(part, hash);
    }
    const linked = linkedArticles({ index, chains }, article.meta.id);
    // The bodies of the documents it cites: their clauses decide which clause links its pages have.
    const cited = index.cites(article.meta.id).map((meta) => bodyHashes.get(meta.id));
    hash.update(JSON.stringify({ ...article, linked, cited })).update("\n");
    for (const attachment of article.attachments) hash.update(await readFileNoFollow(attachment.source)).update("\n");
  }
  return new Map([...hashes].map(([part, hash]) => [part, hash.digest("hex").slice(0, 32)]));
}
