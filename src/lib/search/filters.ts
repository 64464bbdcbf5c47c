import type { ArticleMeta } from "../article/schema.ts";

/**
 * The facets a reader can narrow a search by. Each name is at once the Pagefind filter
 * name on article pages and the query parameter in the search page's URL.
 */
export const FILTER_NAMES = ["source", "year", "section", "person", "place", "topic", "type", "status"] as const;

/** One facet name. */
export type FilterName = (typeof FILTER_NAMES)[number];

/** The ways results can be ordered; `relevance` is the default and is left out of URLs. */
export const SORTS = ["relevance", "newest", "oldest"] as const;

/** One result order. */
export type SortOrder = (typeof SORTS)[number];

/** The Pagefind sort key holding an article's publication time. */
export const DATE_SORT_KEY = "date";

/**
 * The filter values of one article as shown in one script: `meta` must already be the
 * page's view (converted front matter on a converted page), and `statusLabel` turns a
 * status code into the interface word the page shows, so values read as on the page.
 */
export function articleFilters(
  meta: ArticleMeta,
  statusLabel: (status: NonNullable<ArticleMeta["status"]>) => string,
): [FilterName, string][] {
  const pairs: [FilterName, string | undefined][] = [
    ["source", meta.source],
    ["year", meta.date.day.slice(0, 4)],
    ["section", meta.section],
    ...(meta.persons ?? []).map((name): [FilterName, string] => ["person", name]),
    ...(meta.places ?? []).map((name): [FilterName, string] => ["place", name]),
    ...(meta.topics ?? []).map((name): [FilterName, string] => ["topic", name]),
    ["type", meta.document_type],
    ["status", meta.status && statusLabel(meta.status)],
  ];
  const seen = new Set<string>();
  return pairs.filter((pair): pair is [FilterName, string] => {
    const key = `${pair[0]}:${pair[1]}`;
    if (!pair[1] || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sort value of an article: its publication time in UTC, so that text order is time order across zones. */
export function articleSortValue(meta: ArticleMeta): string {
  return new Date(meta.date.iso).toISOString();
}
