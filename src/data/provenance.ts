import type { ArticleMeta } from "../lib/article/schema.ts";
import type { Provenance } from "../lib/export/records.ts";
import { getSources } from "./sources.ts";

/**
 * An article's provenance for the exports and structured data: the content hash the loader
 * stored with its front matter, and what the source checks found.
 */
export function provenanceOf(meta: ArticleMeta): Provenance {
  const stored = (meta as ArticleMeta & { contentHash?: string }).contentHash;
  return { ...(stored !== undefined && { contentHash: stored }), source: getSources().status(meta.id) };
}
