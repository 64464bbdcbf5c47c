import type { ArticleMeta } from "../article/schema.ts";

/** The ways to browse the archive besides by date; each is a URL segment under /browse/. */
export const FACETS = [
  "sources",
  "sections",
  "persons",
  "places",
  "organizations",
  "topics",
  "issuers",
  "document-types",
  "statuses",
] as const;

/** One way to group articles. */
export type Facet = (typeof FACETS)[number];

/** Facets that have a feed per group (the rest are narrow enough to follow through a broader feed). */
export const FEED_FACETS: readonly Facet[] = ["sources", "sections", "persons", "places", "organizations", "topics"];

/** The values an article has for a facet, as written in the given front matter (original or converted). */
export function facetValues(meta: ArticleMeta, facet: Facet): readonly string[] {
  switch (facet) {
    case "sources":
      return meta.source === undefined ? [] : [meta.source];
    case "sections":
      return meta.section === undefined ? [] : [meta.section];
    case "persons":
      return meta.persons ?? [];
    case "places":
      return meta.places ?? [];
    case "organizations":
      return meta.organizations ?? [];
    case "topics":
      return meta.topics ?? [];
    case "issuers":
      return meta.issuers ?? [];
    case "document-types":
      return meta.document_type === undefined ? [] : [meta.document_type];
    case "statuses":
      return meta.status === undefined ? [] : [meta.status];
  }
}
