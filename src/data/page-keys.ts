import { facetValues } from "../lib/browse/facets.ts";
import { nameKey } from "../lib/browse/keys.ts";
import { foundKinds } from "../lib/entities/found.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleMeta, Script } from "../lib/article/schema.ts";
import { siteRulesPath } from "../lib/script/index.ts";
import {
  articlePageKey,
  articleShownHash,
  linkedArticles,
  listingPageKey,
  siteInputsHash,
} from "../lib/site/page-key.ts";
import { archiveDir } from "../lib/site/config.ts";
import { getBrowseIndex } from "./browse.ts";
import { getVersionChains } from "./versions.ts";
import { getSources } from "./sources.ts";

let site: string | undefined;

/**
 * Site-wide inputs every page shows that are data, not code: the archive's site.yaml and
 * conversion.yaml. Read once per build. The conversion engine's dictionaries come with
 * opencc-js: Astro drops its whole cache when the lockfile changes.
 */
function siteInputs(): string {
  if (site !== undefined) return site;
  const archive = archiveDir();
  const read = (file: string): string => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
  };
  site = siteInputsHash({
    "site.yaml": read(path.join(archive, "site.yaml")),
    "conversion.yaml": read(siteRulesPath(archive)),
  });
  return site;
}

/**
 * The incremental-build key of an article page in one script: its article and what the
 * source checks found about it, the site-wide inputs, and every article the page names (neighbours in time, cited, citing and related
 * articles, and the other versions of the document), so that editing a title, a date or a
 * status re-renders the pages that show it. What the page shows is hashed once for both scripts.
 */
export async function articleCacheKey(article: ArticleMeta & { sourceHash: string }, script: Script): Promise<string> {
  let shown = shownHashes.get(article);
  if (shown === undefined) {
    shown = articleShown(article);
    shownHashes.set(article, shown);
  }
  return articlePageKey({ site: siteInputs(), script, shown: await shown });
}

const shownHashes = new WeakMap<object, Promise<string>>();

async function articleShown(article: ArticleMeta & { sourceHash: string }): Promise<string> {
  const [index, chains] = await Promise.all([getBrowseIndex(), getVersionChains()]);
  const sources = getSources();
  return articleShownHash({
    // What the source checks found is shown on the page too: its status and its captures.
    article: {
      ...article,
      source: sources.status(article.id),
      captures: sources.captures(article.id).map((capture) => [capture.captured, capture.sha256]),
    },
    linked: linkedArticles({ index, chains }, article.id),
    namePages: foundKinds(article).flatMap((kind) =>
      facetValues(article, kind)
        .map((name) => nameKey(name))
        .filter((key) => index.group(kind, key) !== undefined)
        .map((key) => `${kind}/${key}`),
    ),
  });
}

/**
 * The incremental-build key of a listing page or feed in one script: the site-wide inputs
 * and what it shows (its articles' front matter, group names and counts, its page number
 * and the number of pages), so that an added article re-renders only the listings it is on
 * and those whose counts or pagers it changes.
 */
export function listingCacheKey(script: Script, shown: unknown): string {
  return listingPageKey({ site: siteInputs(), script, shown });
}
