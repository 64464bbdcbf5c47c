import { withFound } from "../entities/found.ts";
import { ENTITY_KINDS, type FoundEntities } from "../entities/types.ts";
import { contentHash } from "../sources/text.ts";
import { parseArticleFile, sourceHash } from "./load.ts";
import type { ArticleMeta } from "./schema.ts";

/** An article as the content store holds it: front matter, the names found, and what the loader adds. */
export type StoredArticle = ArticleMeta & {
  found?: readonly string[] | undefined;
  file: string;
  attachments: unknown;
  sourceHash: string;
  contentHash: string;
};

/**
 * The article as its file reads now, when that differs from the stored one: for its own
 * page in the dev server, which reads the file on each request, while the store takes an
 * edit only after Astro has written and loaded it again (about two seconds on a large
 * archive). Front matter that no longer parses or passes its checks, or that names
 * another id, leaves the stored article (the loader reports the problem). Names found in
 * the text stay those of the stored article until the store has the edit.
 */
export function currentArticle<T extends StoredArticle>(stored: T, source: string): T {
  if (sourceHash(source) === stored.sourceHash) return stored;
  // The loader's own reading and checks, so the page takes only what the loader would.
  const result = parseArticleFile(stored.file, Buffer.from(source, "utf8"));
  if (!("article" in result) || result.article.meta.id !== stored.id) return stored;
  const { meta, body } = result.article;
  const kinds = stored.found ?? [];
  const found: FoundEntities = { persons: [], places: [], organizations: [] };
  for (const kind of ENTITY_KINDS) if (kinds.includes(kind)) found[kind] = [...(stored[kind] ?? [])];
  const { file, attachments } = stored;
  return {
    ...withFound(meta, found),
    file,
    attachments,
    sourceHash: result.article.sourceHash,
    contentHash: contentHash(body),
  } as unknown as T;
}
