/**
 * Splitting the search index into shards. Pagefind holds a whole index in memory while
 * it builds it (about 0.2 MiB per page of Chinese text), so a large archive is indexed
 * as several independent Pagefind bundles of at most `capacity` pages each, which the
 * browser searches together with Pagefind's `mergeIndex`. Pages are cut in date order,
 * so every shard covers one stretch of time and, as an archive grows at its new end,
 * older shards come out of each build unchanged.
 */
import { spanName, spanOf } from "../build/parts.ts";

/** A page to index, with the value it sorts by (its publication time) and its calendar day. */
export interface PlannedPage {
  url: string;
  sortValue: string;
  day: string;
}

/** One shard: a stretch of pages in date order. */
export interface ShardPlan<P extends PlannedPage = PlannedPage> {
  /**
   * Its folder under /pagefind/: "0" for the oldest stretch, then "1", "2"…; in a site built
   * in parts, its part's span and its place in it ("2019-2021-0"), the same whichever parts exist.
   */
  name: string;
  pages: P[];
}

/**
 * A word written into every shard of a sharded index as a record of its own, sorting
 * before every real page (see dateSortWeight). Queries are stripped of it, so the record
 * can never be found.
 */
export const SORT_ANCHOR_WORD = "pagefindsortanchor";

/** The anchor record's sort value: before any date. */
export const SORT_ANCHOR_VALUE = "0000";

/**
 * How many halving tiers follow the full shards, once there is one: shards of capacity/2,
 * capacity/4 and capacity/8 pages, then the newest with the rest, fewer than capacity/8. Like the digits of
 * a counter, a page added at the new end changes the newest shard only, except when it
 * completes a tier, which merges the tiers below into it; more tiers would make the newest
 * shard smaller but cost a reader's search a shard more (docs/search.md, "What it costs").
 */
const TAIL_TIERS = 3;

/**
 * Cuts pages, ordered by sort value then URL, into shards: full shards of `capacity` pages
 * from the oldest, then the halving tiers (TAIL_TIERS), then the newest pages. With
 * `yearsPerPart`, the site is built in parts of that many years (src/lib/build/parts.ts):
 * no shard crosses a part's boundary, so each part indexes its own shards, under names of
 * its own, exactly as a build of the whole site does.
 */
export function planShards<P extends PlannedPage>(
  pages: readonly P[],
  capacity: number,
  yearsPerPart?: number,
): ShardPlan<P>[] {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`shard capacity must be a positive whole number, got ${capacity}`);
  const ordered = [...pages].sort((a, b) => compare(a.sortValue, b.sortValue) || compare(a.url, b.url));
  if (yearsPerPart === undefined) return cut(ordered, capacity, (piece) => String(piece));
  const bySpan = new Map<string, { first: number; pages: P[] }>();
  for (const page of ordered) {
    const span = spanOf(Number(page.day.slice(0, 4)), yearsPerPart);
    const name = spanName(span);
    const group = bySpan.get(name) ?? { first: span.first, pages: [] };
    group.pages.push(page);
    bySpan.set(name, group);
  }
  return [...bySpan.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .flatMap(([name, group]) => cut(group.pages, capacity, (piece) => `${name}-${piece}`));
}

function cut<P extends PlannedPage>(ordered: P[], capacity: number, name: (piece: number) => string): ShardPlan<P>[] {
  let start = 0;
  return shardSizes(ordered.length, capacity).map((size, piece) => {
    const pages = ordered.slice(start, start + size);
    start += size;
    return { name: name(piece), pages };
  });
}

/** The sizes, oldest first, of the shards `total` pages are cut into (see TAIL_TIERS). */
export function shardSizes(total: number, capacity: number): number[] {
  // Until an archive fills a shard it is one index: a shard more costs every reader's
  // search its own word chunks, more than indexing a part-full shard again costs a build.
  if (total <= capacity) return total > 0 ? [total] : [];
  const sizes: number[] = [];
  let left = total;
  for (; left >= capacity; left -= capacity) sizes.push(capacity);
  for (let tier = 1; tier <= TAIL_TIERS; tier++) {
    const size = Math.floor(capacity / 2 ** tier);
    if (size > 0 && left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  if (left > 0) sizes.push(left);
  return sizes;
}

/**
 * The index weight that keeps results in date order across shards. Sorting by date,
 * Pagefind scores a result by its position in its shard's date order (1, 2, 3…, after the
 * anchor at 0) and the merged search orders every shard's results by score times the
 * shard's weight. Weighting the shard `rank` places from the oldest by `base`^rank, with
 * `base` above any position, puts every result of a newer shard above every result of an
 * older one, in both directions, while keeping each shard's own order.
 */
export function dateSortWeight(rank: number, base: number): number {
  return base ** rank;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
