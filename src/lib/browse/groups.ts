import type { ArticleMeta } from "../article/schema.ts";
import { FACETS, facetValues, type Facet } from "./facets.ts";
import { foundKinds } from "../entities/found.ts";
import type { EntityKind } from "../entities/types.ts";
import { canonicalName, keyOfCanonical } from "./keys.ts";

/** Facets whose names the build can find in the text. */
const FOUND_FACETS: ReadonlySet<Facet> = new Set<EntityKind>(["persons", "places", "organizations"]);

/**
 * A name only the finder gave forms a group (which relates the articles sharing it) once it
 * is found in this many articles: a name found in one article relates nothing.
 */
export const FOUND_GROUP_MIN_ARTICLES = 2;

/**
 * A name only the finder gave gets a page and a feed of its own once it is found in this
 * many articles; below, the article links the name to a search for it. A name found by a
 * machine in a few articles is a weak reason for two pages and a feed in each script, and
 * such names were most of the routes of a whole-corpus build (docs/entities.md, "Cost"), and
 * their four files each (two pages, two feeds) kept sites past hosts' file limits.
 */
export const FOUND_PAGE_MIN_ARTICLES = 10;

/** The articles sharing one value of a facet: one person, one source, one topic... */
export interface Group {
  facet: Facet;
  key: string;
  /** In date order, oldest first. */
  articles: readonly ArticleMeta[];
  /** Whether some article's front matter names it; false for a name only the finder gave. */
  written: boolean;
}

/** Whether a group has pages and a feed of its own: always when written, when found once it is found often enough. */
export function hasPage(group: Group): boolean {
  return group.written || group.articles.length >= FOUND_PAGE_MIN_ARTICLES;
}

/** Every group of every facet, by key. */
export type FacetGroups = ReadonlyMap<Facet, ReadonlyMap<string, Group>>;

/**
 * Groups articles (already in date order, so each group is too) by every facet in
 * one pass. Spellings of a name that share a key (樓陽生, 楼阳生) form one group; two
 * different names whose keys collide stop the build rather than share a page.
 */
export function groupByFacets(articles: readonly ArticleMeta[]): FacetGroups {
  const result = new Map<Facet, Map<string, Group & { articles: ArticleMeta[] }>>();
  const canonicalOfKey = new Map<string, string>();
  for (const facet of FACETS) {
    const groups = new Map<string, Group & { articles: ArticleMeta[] }>();
    for (const meta of articles) {
      const seen = new Set<string>();
      for (const value of facetValues(meta, facet)) {
        const canonical = canonicalName(value);
        const key = keyOfCanonical(canonical);
        const earlier = canonicalOfKey.get(key);
        const found = FOUND_FACETS.has(facet) && foundKinds(meta).includes(facet as EntityKind);
        // A found name never stops the build: it is left out of a group a written name holds.
        if (earlier !== undefined && earlier !== canonical && found) continue;
        if (earlier !== undefined && earlier !== canonical) {
          throw new Error(`the names "${earlier}" and "${canonical}" both have the browse key "${key}" (${meta.id})`);
        }
        canonicalOfKey.set(key, canonical);
        if (seen.has(key)) continue;
        seen.add(key);
        let group = groups.get(key);
        if (!group) {
          group = { facet, key, articles: [], written: false };
          groups.set(key, group);
        }
        group.articles.push(meta);
        if (!found) group.written = true;
      }
    }
    if (FOUND_FACETS.has(facet))
      for (const [key, group] of groups)
        if (!group.written && group.articles.length < FOUND_GROUP_MIN_ARTICLES) groups.delete(key);
    result.set(facet, groups);
  }
  return result;
}

/**
 * The name of a group as shown in one script (`view` gives an article's front matter
 * in that script): the spelling its articles use most often, the earliest winning a
 * tie, so a group reads 樓陽生 on Traditional pages and 楼阳生 on Simplified ones.
 */
export function groupLabel(group: Group, view: (meta: ArticleMeta) => ArticleMeta): string {
  const counts = new Map<string, number>();
  for (const meta of group.articles) {
    const original = facetValues(meta, group.facet);
    const shown = facetValues(view(meta), group.facet);
    original.forEach((value, i) => {
      if (keyOfCanonical(canonicalName(value)) !== group.key) return;
      const spelling = shown.length === original.length ? (shown[i] ?? value) : value;
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    });
  }
  let best = group.key;
  let bestCount = 0;
  for (const [spelling, count] of counts) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
