import { DATE_SORT_KEY, type FilterName } from "../../lib/search/filters.ts";
import { MANIFEST_ELEMENT_ID, manifestUrl, type SearchManifest } from "../../lib/search/manifest.ts";
import { createQueryConverter, type QueryConverter, type QueryTable } from "../../lib/search/query-converter.ts";
import {
  planQuery,
  runPlan,
  runPlanShardByShard,
  type Combined,
  type QueryPlan,
  type ShardedCombined,
} from "../../lib/search/plan.ts";
import { landingFor } from "../../lib/search/landing.ts";
import { normalizeQuery } from "../../lib/search/query.ts";
import type { SearchState } from "../../lib/search/state.ts";
import { decodeCharacterSet } from "../../lib/search/trigger.ts";
import {
  ShardedPagefind,
  type FilterCounts,
  type PagefindResult,
  type SearchOptions,
  type ShardEnd,
} from "./pagefind.ts";

/** Results a search settles before it reports: the first page. */
const FIRST_RESULTS = 10;

/** One result as the page shows it. */
export interface ResultView {
  url: string;
  title: string;
  /** Publication day, YYYY-MM-DD. */
  day: string;
  source: string;
  excerpt: string;
  /** The clause or division the hit is in (第十二条), when the link leads there. */
  place?: string;
}

/**
 * The outcome of a search: what was searched for, how many pages matched, and the results
 * on demand. Sorted by date, a search may have searched only the shards at the end its
 * order starts from: its first results are final, but there may be more in the other
 * shards, which `results` searches when asked for results beyond those found, and
 * `searchAll` at once.
 */
export interface SearchOutcome {
  /** The query as searched: normalised, and converted to the reader's script when it needed to be. */
  searched: string;
  converted: boolean;
  /** Whether the exact phrase asked for was not found, so the results are looser matches. */
  loose: boolean;
  /** The matches found so far. */
  total: () => number;
  /** Whether every shard was searched, so that `total` counts every match. */
  complete: () => boolean;
  /**
   * The details of results `from` (inclusive) to `to` (exclusive), searching more shards when
   * needed: one promise each, in order, so that each can be shown as soon as it has arrived.
   */
  results: (from: number, to: number) => Promise<Promise<ResultView>[]>;
  /** Searches every shard, so that `total` counts every match. */
  searchAll: () => Promise<void>;
  /**
   * Set when the results are ranked over the newest shards only, to show while the page lists
   * of the older ones load: the day the shards searched start from, and the ranking over every
   * shard, which starts when first asked for (once a first result is shown, so that it does
   * not share the line with the page lists).
   */
  provisional?: { since: string; ranked: () => Promise<Ranking> };
}

/** The ranking over every shard that follows a provisional one. */
export interface Ranking {
  outcome: SearchOutcome;
  /**
   * The same ranking after the first `count` provisional results, which stay where they are:
   * for a reader who has already turned to them.
   */
  keeping: (count: number) => SearchOutcome;
}

/** Searching one script's index: loads the manifest, Pagefind and, only when a query needs it, the conversion table. */
export class SearchClient {
  readonly #language: string;
  readonly #traditional: boolean;
  #manifest: Promise<SearchManifest> | undefined;
  #pagefind: Promise<ShardedPagefind> | undefined;
  #converter: Promise<QueryConverter> | undefined;

  /** `language` is the Pagefind language of the page: its <html lang>, lowercased. */
  constructor(language: string) {
    this.#language = language;
    this.#traditional = language === "zh-hant";
  }

  /**
   * Starts loading what a search needs, so the first search is quick: Pagefind with the
   * newest shard, and with `lists`, the page lists a search by relevance needs from the others
   * (not for a search about to start, whose first results would share the line with them).
   */
  async warm(lists = true): Promise<void> {
    const manifest = await this.#loadManifest();
    if (manifest.pages === 0) return;
    const sharded = await this.#loadPagefind();
    if (lists) sharded.prefetchLists();
    await sharded.with(undefined, 1, async () => undefined);
  }

  /**
   * Loads, while the reader is still typing, the index chunks a search for `query` by
   * relevance would load, so that pressing Enter waits only for the results' excerpts: in
   * the shards whose page lists are there, so that the search, which waits for it, does not
   * wait for the others' too (on 100,000 articles, 1.4 MB of page lists in fifteen shards).
   */
  async prepare(query: string): Promise<void> {
    const manifest = await this.#loadManifest();
    const normalised = normalizeQuery(query);
    if (manifest.pages === 0 || !normalised) return;
    const loading = this.#loadPagefind();
    const searched = decodeCharacterSet(manifest.trigger)(normalised)
      ? await this.#convert(manifest, normalised)
      : normalised;
    await this.#preloadChunks(loading, searched);
  }

  /**
   * Loads the index chunks a search by relevance for `searched` needs in the shards it can
   * search without waiting for a page list (ShardedPagefind.ready).
   */
  async #preloadChunks(loading: Promise<ShardedPagefind>, searched: string): Promise<void> {
    const sharded = await loading;
    const pagefind = await sharded.with("relevance", sharded.ready(), async (ready) => ready);
    // Outside the queue of searches: what was typed a moment ago must not hold up what is typed now.
    await preloadPlan(pagefind, planQuery(searched), {});
  }

  /** Runs a search; the query is tidied and converted to the reader's script first. */
  async search(state: SearchState): Promise<SearchOutcome> {
    const manifest = await this.#loadManifest();
    const normalised = normalizeQuery(state.query);
    // Pagefind loads while the query is converted: neither waits for the other.
    const loading = manifest.pages > 0 && normalised ? this.#loadPagefind() : undefined;
    // While the lexicon parts a conversion needs load, the chunks of the likely conversion
    // (from what is loaded already; almost always the same) load beside them.
    const guess =
      loading && state.sort === "relevance"
        ? (likely: string) => void this.#preloadChunks(loading, likely).catch(() => undefined)
        : undefined;
    const searched = decodeCharacterSet(manifest.trigger)(normalised)
      ? await this.#convert(manifest, normalised, guess)
      : normalised;
    const converted = searched !== normalised;
    if (!searched || !loading) {
      return completeOutcome({ searched, converted }, [], false, this.#traditional);
    }
    const sharded = await loading;
    const plan = planQuery(searched);
    const options: SearchOptions = {
      filters: definedFilters(state.filters),
      ...(state.sort === "relevance" ? {} : { sort: { [DATE_SORT_KEY]: state.sort === "oldest" ? "asc" : "desc" } }),
    };
    const found = { searched, converted };
    if (state.sort !== "relevance") return byDate(sharded, plan, options, found, state.sort, this.#traditional);
    // By relevance any shard may hold the best match, so the whole ranking needs every shard.
    const rank = (shards: number) =>
      sharded.with("relevance", shards, async (pagefind) => {
        await preloadPlan(pagefind, plan, options);
        return runPlan(plan, async (term) => (await pagefind.search(term, options)).results, false);
      });
    const all = sharded.shardCount;
    // The newest shards answer first, while the older ones' page lists are still on their way:
    // those whose lists are there, then one more at a time until one of them has a match.
    for (let shards = sharded.ready(); shards < all; shards++) {
      const since = manifest.since?.[shards - 1];
      if (since === undefined) break;
      const newest = await rank(shards);
      if (newest.hits.length > 0) return provisionalOutcome(found, newest, () => rank(all), since, this.#traditional);
    }
    const { hits, loose } = await rank(all);
    return completeOutcome(found, hits, loose, this.#traditional);
  }

  /** Every value of every filter in this script's index, with its number of pages. */
  async filterValues(): Promise<FilterCounts> {
    const manifest = await this.#loadManifest();
    if (manifest.pages === 0) return {};
    // Counting each value's pages takes every shard.
    const sharded = await this.#loadPagefind();
    return sharded.with(undefined, sharded.shardCount, (pagefind) => pagefind.filters());
  }

  #loadManifest(): Promise<SearchManifest> {
    // The search page carries its manifest (src/lib/search/preload.ts); other pages fetch it.
    // It changes with every build, so the browser must check a fetched one is current.
    const carried = document.getElementById(MANIFEST_ELEMENT_ID)?.textContent;
    this.#manifest ??= carried
      ? Promise.resolve(JSON.parse(carried) as SearchManifest)
      : fetchJson<SearchManifest>(manifestUrl(this.#language), "no-cache");
    return this.#manifest;
  }

  #loadPagefind(): Promise<ShardedPagefind> {
    this.#pagefind ??= this.#loadManifest().then((manifest) => new ShardedPagefind(manifest));
    return this.#pagefind;
  }

  #loadConverter(manifest: SearchManifest): Promise<QueryConverter> {
    // The table's file name carries a hash of its content, so any cached copy is current.
    this.#converter ??= fetchJson<QueryTable>(manifest.table, "default").then(createQueryConverter);
    return this.#converter;
  }

  /**
   * Converts a query, fetching first the parts of the word lexicon it needs (hashed names
   * too); `guess` is told the conversion without them while they load.
   */
  async #convert(manifest: SearchManifest, query: string, guess?: (likely: string) => void): Promise<string> {
    const converter = await this.#loadConverter(manifest);
    const missing = converter.missing(query);
    if (missing.length > 0) guess?.(converter(query));
    await Promise.all(
      missing.map(async ({ part, url }) => converter.add(part, await fetchJson<string>(url, "default"))),
    );
    return converter(query);
  }
}

/** An outcome with every match found. */
function completeOutcome(
  found: { searched: string; converted: boolean },
  hits: readonly PagefindResult[],
  loose: boolean,
  traditional: boolean,
): SearchOutcome {
  return {
    ...found,
    loose,
    total: () => hits.length,
    complete: () => true,
    results: async (from, to) => hits.slice(from, to).map((hit) => resultView(hit, traditional)),
    searchAll: async () => undefined,
  };
}

/** An outcome ranked over the newest shards, which `whole`, the ranking over every shard, follows. */
function provisionalOutcome(
  found: { searched: string; converted: boolean },
  newest: Combined<PagefindResult>,
  whole: () => Promise<Combined<PagefindResult>>,
  since: string,
  traditional: boolean,
): SearchOutcome {
  let ranking: Promise<Ranking> | undefined;
  const ranked = (): Promise<Ranking> =>
    (ranking ??= whole().then(({ hits, loose }) => ({
      outcome: completeOutcome(found, hits, loose, traditional),
      keeping: (count: number) => {
        const kept = newest.hits.slice(0, count);
        const ids = new Set(kept.map((hit) => hit.id));
        return completeOutcome(found, [...kept, ...hits.filter((hit) => !ids.has(hit.id))], loose, traditional);
      },
    })));
  return {
    ...completeOutcome(found, newest.hits, newest.loose, traditional),
    complete: () => false,
    searchAll: async () => void (await ranked()),
    provisional: { since, ranked },
  };
}

/**
 * A search by date, over the shards at the end its order starts from that settle its first
 * page; the other shards are searched when the reader asks for results beyond those found,
 * or for all of them.
 */
async function byDate(
  sharded: ShardedPagefind,
  plan: QueryPlan,
  options: SearchOptions,
  found: { searched: string; converted: boolean },
  end: ShardEnd,
  traditional: boolean,
): Promise<SearchOutcome> {
  const total = sharded.shardCount;
  const run = (start: number, needed: number): Promise<ShardedCombined<PagefindResult>> =>
    runPlanShardByShard(
      plan,
      (term, shards) =>
        sharded.with("date", shards, async (pagefind) => (await pagefind.search(term, options)).results, end),
      { start, total },
      needed,
    );
  let current = await run(Math.max(1, sharded.loaded(end)), FIRST_RESULTS);
  let extending: Promise<void> = Promise.resolve();
  // One extension at a time, each starting from where the last one stopped.
  const extend = (needed: number): Promise<void> => {
    const next = extending.then(async () => {
      if (!current.complete && current.hits.length < needed) current = await run(current.shards + 1, needed);
    });
    extending = next.catch(() => undefined);
    return next;
  };
  return {
    ...found,
    // Settled: the first results are in the tier the search over every shard lists, so it says the same.
    loose: current.loose,
    total: () => current.hits.length,
    complete: () => current.complete,
    results: async (from, to) => {
      await extend(to);
      return current.hits.slice(from, to).map((hit) => resultView(hit, traditional));
    },
    searchAll: () => extend(Infinity),
  };
}

/**
 * Loads at once the index chunks of every search in a plan: the plan's searches then run one
 * after another (see runPlan) on chunks already there, instead of each waiting for its own.
 */
function preloadPlan(
  pagefind: { preload: (term: string, options: SearchOptions) => Promise<void> },
  plan: QueryPlan,
  options: SearchOptions,
): Promise<unknown> {
  const terms = [...(plan.exact ?? []), plan.words, plan.pairs].filter((term): term is string => term !== undefined);
  return Promise.all(terms.map((term) => pagefind.preload(term, options)));
}

async function fetchJson<T>(url: string, cache: RequestCache): Promise<T> {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function definedFilters(filters: SearchState["filters"]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [FilterName, string] => Boolean(entry[1])),
  );
}

/** A hit as the page shows it; inside a document with clauses, it leads to the clause that holds it. */
async function resultView(result: PagefindResult, traditional: boolean): Promise<ResultView> {
  const { url, excerpt, meta, anchors, weighted_locations: hits } = await result.data();
  const landing = landingFor(anchors ?? [], hits ?? [], traditional);
  return {
    url: landing ? `${url}#${landing.id}` : url,
    excerpt,
    title: meta["title"] ?? url,
    day: meta["date"] ?? "",
    source: meta["source"] ?? "",
    ...(landing && { place: landing.label }),
  };
}
