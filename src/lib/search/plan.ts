/**
 * Chinese queries against Pagefind. Pagefind segments page text into words when it builds
 * the index (ICU4X) and segments the query again in the browser (Intl.Segmenter); the two
 * often cut a name or a rare word differently (王亚平 is 王|亚|平 in the browser, 二里头 one
 * word in the index), and Pagefind then matches pages having the pieces anywhere, ranked
 * with no regard to whether they are next to each other. Measured on the xwlb corpus, the
 * articles that contain the query as typed were then often missing from the first ten.
 *
 * So one query runs as a few Pagefind searches, and their results are tiered: pages with
 * the exact phrase first (with every word of a query of several words, each as typed), then
 * pages having every adjacent character pair of it (a pair is rarely split differently on
 * both sides), then the rest of Pagefind's matches. bench/search-recall.ts measures the
 * effect on recall, and `npm run bench -- --only ranking` on known-item queries.
 */

/** The Pagefind searches that make up one query. */
export interface QueryPlan {
  /**
   * Pagefind's exact-phrase searches, when worth running: the query as one phrase, or each
   * word of a query of several words as a phrase of its own. The exact matches are the pages
   * every one of them finds.
   */
  exact?: string[];
  /** The query as plain words. */
  words: string;
  /** The query's adjacent character pairs, when it has a run of three characters or more. */
  pairs?: string;
  /** Whether the reader asked for the exact phrase (put it in quotation marks). */
  quoted: boolean;
}

const HAN = /\p{Script=Han}/u;

/**
 * Plans the searches for a normalised query (see normalizeQuery). A query of several words
 * has each word searched as a phrase: readers looking for an article they remember type a
 * few words of it, and an article with every one of them as typed is the one meant far more
 * often than one Pagefind ranks higher on pieces of them (a word cut into single characters
 * matches every indexed word starting with one; docs/search.md, "Ranking").
 */
export function planQuery(query: string): QueryPlan {
  const quoted = /^".+"$/.test(query);
  const words = quoted ? query.slice(1, -1).trim() : query;
  const parts = words.split(" ").filter((part) => part !== "");
  const single = parts.length === 1 && HAN.test(words) && Array.from(words).length >= 2;
  const phrases = quoted || single ? [words] : parts.length > 1 && HAN.test(words) ? parts : [];
  const pairs = characterPairs(words);
  return {
    ...(phrases.length > 0 ? { exact: phrases.map((phrase) => `"${phrase}"`) } : {}),
    words,
    ...(pairs ? { pairs } : {}),
    quoted,
  };
}

/** The pages every one of a plan's exact-phrase searches finds, in the first search's order; undefined without any. */
export async function searchExact<T extends { id: string }>(
  plan: QueryPlan,
  search: (term: string) => Promise<readonly T[]>,
): Promise<readonly T[] | undefined> {
  if (plan.exact === undefined) return undefined;
  let found: readonly T[] | undefined;
  for (const phrase of plan.exact) {
    // One after another, and none once a phrase is missing: each search loads index chunks.
    if (found !== undefined && found.length === 0) break;
    const pages = await search(phrase);
    const ids = new Set(pages.map((hit) => hit.id));
    found = found === undefined ? pages : found.filter((hit) => ids.has(hit.id));
  }
  return found;
}

/** Exact matches enough to fill the first page of results; beyond that the pair search is skipped. */
export const ENOUGH_EXACT = 10;

/**
 * Runs a plan's searches one after another (Pagefind loads index chunks into shared state,
 * and concurrent searches were seen to miss pages while each other's chunks loaded) and
 * combines them.
 */
export async function runPlan<T extends { id: string }>(
  plan: QueryPlan,
  search: (term: string) => Promise<readonly T[]>,
  byDate: boolean,
): Promise<Combined<T>> {
  return combineResults(plan, await runSearches(plan, search, byDate), byDate);
}

/**
 * Runs a plan's searches one after another, skipping those that could not change the first
 * page of results, since each search loads more of the index: the pair search when a quoted
 * phrase is found or the exact phrase alone fills the first page, and by date, when the
 * exact phrase is found at all, both others (only the exact tier is then listed).
 */
export async function runSearches<T extends { id: string }>(
  plan: QueryPlan,
  search: (term: string) => Promise<readonly T[]>,
  byDate: boolean,
): Promise<PlanResults<T>> {
  const exact = await searchExact(plan, search);
  const found = exact?.length ?? 0;
  if (byDate && found > 0) return { exact, words: [] };
  // The words search also ranks the exact matches, which Pagefind's exact search scores all alike.
  const words = await search(plan.words);
  const settled = found >= ENOUGH_EXACT || (plan.quoted && found > 0);
  const pairs = plan.pairs === undefined || settled ? undefined : await search(plan.pairs);
  return { exact, words, pairs };
}

/**
 * How many of the first date-ordered results of some shards are certainly the first results
 * of every shard, when the shards searched are those at the end the order starts from (the
 * newest, for newest first). Every result of a shard nearer that end comes before every
 * result of a shard further from it (see dateSortWeight), so within one tier the searched
 * shards' results are the start of every shard's; but by date only the first tier with any
 * page is listed, and another shard may have pages in a better tier than any found so far.
 * So the results count only once they are in the best tier the plan can have.
 */
export function settledByDate<T extends { id: string }>(plan: QueryPlan, results: PlanResults<T>): number {
  const tiers = resultTiers(results);
  const possible = [plan.exact !== undefined, plan.pairs !== undefined, plan.pairs !== undefined, true];
  const chosen = tiers.findIndex((tier) => tier.length > 0);
  return chosen >= 0 && chosen === possible.indexOf(true) ? (tiers[chosen]?.length ?? 0) : 0;
}

/** Date-ordered results over the shards at one end of the archive, and how far they go. */
export interface ShardedCombined<T> extends Combined<T> {
  /** The shards searched, counted from the end the order starts from. */
  shards: number;
  /** Whether every shard was searched, so that the results are all there are. */
  complete: boolean;
}

/**
 * Runs a plan sorted by date shard by shard, from the end of the archive the order starts
 * from: `search(term, shards)` searches the first `shards` shards from that end together.
 * Starts with `shards.start` and adds one shard at a time until the first `needed` results
 * are those of every shard, or every shard (`total`) is searched. So a first search loads
 * only the shards its first page needs.
 */
export async function runPlanShardByShard<T extends { id: string }>(
  plan: QueryPlan,
  search: (term: string, shards: number) => Promise<readonly T[]>,
  shards: { start: number; total: number },
  needed: number,
): Promise<ShardedCombined<T>> {
  for (let searched = Math.max(1, Math.min(shards.start, shards.total)); ; searched++) {
    const complete = searched >= shards.total;
    const inShards = (term: string): Promise<readonly T[]> => search(term, searched);
    let exact: Map<string, readonly T[]> | undefined;
    if (plan.exact !== undefined && !complete) {
      // Until the exact phrase is found nothing looser can settle, so its searches would only load chunks in vain.
      const ran = new Map<string, readonly T[]>();
      const found = await searchExact(plan, async (term) => {
        const pages = await inShards(term);
        ran.set(term, pages);
        return pages;
      });
      if (found === undefined || found.length === 0) continue;
      exact = ran;
    }
    const known = exact;
    const results = await runSearches(
      plan,
      (term) => {
        const ran = known?.get(term);
        return ran ? Promise.resolve(ran) : inShards(term);
      },
      true,
    );
    if (complete || settledByDate(plan, results) >= needed) {
      return { ...combineResults(plan, results, true), shards: searched, complete };
    }
  }
}

/** The results of a plan's searches, each in Pagefind's order. */
export interface PlanResults<T> {
  exact?: readonly T[] | undefined;
  words: readonly T[];
  pairs?: readonly T[] | undefined;
}

/** The combined results, and whether an exact phrase asked for was not found (so looser matches are shown). */
export interface Combined<T> {
  hits: T[];
  loose: boolean;
}

/**
 * Combines a plan's results. By relevance: exact matches (in the order of the words
 * search), then pages with every pair, then the other pair matches, then the other word
 * matches. By date, only the first of those tiers that has any page, so that a
 * date-ordered list is not diluted by loose matches. A quoted phrase shows only exact
 * matches, or the looser tiers when there are none.
 */
export function combineResults<T extends { id: string }>(
  plan: QueryPlan,
  results: PlanResults<T>,
  byDate: boolean,
): Combined<T> {
  const words = results.words;
  // Pagefind's exact search scores every match alike, so by relevance its matches take the words search's order.
  const rank = new Map(words.map((hit, index) => [hit.id, index]));
  const unranked = words.length;
  const exact = byDate
    ? (results.exact ?? [])
    : [...(results.exact ?? [])].sort((a, b) => (rank.get(a.id) ?? unranked) - (rank.get(b.id) ?? unranked));
  if (plan.quoted && exact.length > 0) return { hits: [...exact], loose: false };
  const tiers = resultTiers({ ...results, exact });
  const chosen = byDate ? tiers.filter((tier) => tier.length > 0).slice(0, 1) : tiers;
  return { hits: unique(chosen.flat()), loose: plan.quoted };
}

/** The tiers, best first: exact matches, pages found by both the words and the pairs, the other pair matches, the other word matches. */
function resultTiers<T extends { id: string }>(results: PlanResults<T>): (readonly T[])[] {
  const words = results.words;
  const pairs = results.pairs ?? [];
  const inPairs = new Set(pairs.map((hit) => hit.id));
  return [results.exact ?? [], words.filter((hit) => inPairs.has(hit.id)), pairs, words];
}

/** The adjacent pairs of every run of three or more Han characters, with the query's other words, or undefined without such a run. */
function characterPairs(text: string): string | undefined {
  let long = false;
  const parts: string[] = [];
  for (const token of text.split(/\s+/)) {
    for (const run of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      const chars = Array.from(run);
      if (!HAN.test(run) || chars.length < 3) {
        parts.push(run);
        continue;
      }
      long = true;
      for (let i = 0; i + 1 < chars.length; i++) parts.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return long ? parts.join(" ") : undefined;
}

function unique<T extends { id: string }>(hits: readonly T[]): T[] {
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.id) && Boolean(seen.add(hit.id)));
}
