import type { ArticleMeta } from "../article/schema.ts";

/** A one-line description of an article from its front matter: the lines around the headline, the outlet, the day. */
export function articleSummary(meta: ArticleMeta): string {
  return [meta.kicker, meta.subtitle, meta.document_number, meta.source ?? meta.publisher, meta.date.day]
    .filter((part): part is string => Boolean(part))
    .join(" · ");
}
