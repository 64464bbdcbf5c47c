import type { ArticleMeta } from "../article/schema.ts";
import { facetValues, type Facet } from "./facets.ts";
import type { FacetGroups } from "./groups.ts";
import { nameKey } from "./keys.ts";

/** The facets whose shared values make two articles related. */
const RELATING: readonly Facet[] = ["persons", "places", "topics"];

/** How many articles on each side in time are looked at in each shared group. */
const WINDOW = 12;

/**
 * Articles related to one article by the people, places and topics they share.
 * A value shared by few articles says more than one shared by thousands (a leader
 * named in every report), so each counts 1/log2(2 + group size). Only the articles
 * nearest in time within each group are looked at, which keeps the work per article
 * bounded however large the archive; ties go to the nearer in time.
 */
export function relatedArticles(
  meta: ArticleMeta,
  groups: FacetGroups,
  instant: (meta: ArticleMeta) => number,
  limit: number,
  exclude: ReadonlySet<string> = new Set(),
): ArticleMeta[] {
  const scores = new Map<string, { meta: ArticleMeta; score: number }>();
  const own = instant(meta);
  for (const facet of RELATING) {
    const byKey = groups.get(facet);
    for (const key of new Set(facetValues(meta, facet).map(nameKey))) {
      const members = byKey?.get(key)?.articles;
      if (!members || members.length < 2) continue;
      const weight = 1 / Math.log2(2 + members.length);
      const at = positionOf(members, meta, instant);
      for (let i = Math.max(0, at - WINDOW); i <= Math.min(members.length - 1, at + WINDOW); i++) {
        const other = members[i];
        if (!other || other.id === meta.id || exclude.has(other.id)) continue;
        const entry = scores.get(other.id) ?? { meta: other, score: 0 };
        entry.score += weight;
        scores.set(other.id, entry);
      }
    }
  }
  const distance = (other: ArticleMeta): number => Math.abs(instant(other) - own);
  return [...scores.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        distance(a.meta) - distance(b.meta) ||
        (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0),
    )
    .slice(0, limit)
    .map((entry) => entry.meta);
}

/** Where an article sits in a date-ordered list that contains it (binary search on date, then id). */
function positionOf(list: readonly ArticleMeta[], meta: ArticleMeta, instant: (meta: ArticleMeta) => number): number {
  const target = instant(meta);
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = list[mid];
    if (!item) break;
    const order = instant(item) - target || (item.id < meta.id ? -1 : item.id > meta.id ? 1 : 0);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return low;
}
