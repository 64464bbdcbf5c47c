import type { ArticleMeta } from "../article/schema.ts";

/** An article whose original was removed at its source, with the day it was found gone. */
export interface RemovedArticle {
  meta: ArticleMeta;
  removedOn: string;
}

/**
 * The articles of the archive whose originals are removed, newest removal first (ties by
 * publication, newest first), from the removals the ledger shows and a lookup of the
 * archive's articles; removals of articles no longer in the archive are left out.
 */
export function removedArticles(
  removals: readonly { id: string; removedOn: string }[],
  get: (id: string) => ArticleMeta | undefined,
): RemovedArticle[] {
  return removals
    .flatMap(({ id, removedOn }) => {
      const meta = get(id);
      return meta ? [{ meta, removedOn }] : [];
    })
    .sort((a, b) => b.removedOn.localeCompare(a.removedOn) || b.meta.date.iso.localeCompare(a.meta.date.iso));
}
