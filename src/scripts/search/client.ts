import { DATE_SORT_KEY, type FilterName } from "../../lib/search/filters.ts";
import { manifestUrl, type SearchManifest } from "../../lib/search/manifest.ts";
import { createQueryConverter, type QueryConverter, type QueryTable } from "../../lib/search/query-converter.ts";
import { planQuery, runPlan } from "../../lib/search/plan.ts";
import { normalizeQuery } from "../../lib/search/query.ts";
import type { SearchState } from "../../lib/search/state.ts";
import { decodeCharacterSet } from "../../lib/search/trigger.ts";
import { ShardedPagefind, type FilterCounts, type PagefindResult } from "./pagefind.ts";

/** One result as the page shows it. */
export interface ResultView {
  url: string;
  title: string;
  /** Publication day, YYYY-MM-DD. */
  day: string;
  source: string;
  excerpt: string;
}

/** The outcome of a search: how many pages matched, what was searched for, and the results on demand. */
export interface SearchOutcome {
  total: number;
  /** The query as searched: normalised, and converted to the reader's script when it needed to be. */
  searched: string;
  converted: boolean;
  /** Whether the exact phrase asked for was not found, so the results are looser matches. */
  loose: boolean;
  /** Loads the details of results `from` (inclusive) to `to` (exclusive). */
  results: (from: number, to: number) => Promise<ResultView[]>;
}

/** Searching one script's index: loads the manifest, Pagefind and, only when a query needs it, the conversion table. */
export class SearchClient {
  readonly #language: string;
  #manifest: Promise<SearchManifest> | undefined;
  #pagefind: Promise<ShardedPagefind> | undefined;
  #converter: Promise<QueryConverter> | undefined;

  /** `language` is the Pagefind language of the page: its <html lang>, lowercased. */
  constructor(language: string) {
    this.#language = language;
  }

  /** Starts loading what a search needs, so the first search is quick. */
  async warm(): Promise<void> {
    const manifest = await this.#loadManifest();
    if (manifest.pages > 0) await (await this.#loadPagefind()).use();
  }

  /** Runs a search; the query is tidied and converted to the reader's script first. */
  async search(state: SearchState): Promise<SearchOutcome> {
    const manifest = await this.#loadManifest();
    const normalised = normalizeQuery(state.query);
    const searched = decodeCharacterSet(manifest.trigger)(normalised)
      ? await this.#convert(manifest, normalised)
      : normalised;
    const converted = searched !== normalised;
    if (!searched || manifest.pages === 0) {
      return { total: 0, searched, converted, loose: false, results: async () => [] };
    }
    const sharded = await this.#loadPagefind();
    const pagefind = await sharded.use(state.sort === "relevance" ? "relevance" : "date");
    const direction: "asc" | "desc" = state.sort === "oldest" ? "asc" : "desc";
    const options = {
      filters: definedFilters(state.filters),
      ...(state.sort === "relevance" ? {} : { sort: { [DATE_SORT_KEY]: direction } }),
    };
    const { hits, loose } = await runPlan(
      planQuery(searched),
      async (term) => (await pagefind.search(term, options)).results,
      state.sort !== "relevance",
    );
    return {
      total: hits.length,
      searched,
      converted,
      loose,
      results: (from, to) => Promise.all(hits.slice(from, to).map(resultView)),
    };
  }

  /** Every value of every filter in this script's index, with its number of pages. */
  async filterValues(): Promise<FilterCounts> {
    const manifest = await this.#loadManifest();
    if (manifest.pages === 0) return {};
    return (await (await this.#loadPagefind()).use()).filters();
  }

  #loadManifest(): Promise<SearchManifest> {
    // The manifest changes with every build, so the browser must check it is current.
    this.#manifest ??= fetchJson<SearchManifest>(manifestUrl(this.#language), "no-cache");
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

  /** Converts a query, fetching first the parts of the word lexicon it needs (hashed names too). */
  async #convert(manifest: SearchManifest, query: string): Promise<string> {
    const converter = await this.#loadConverter(manifest);
    await Promise.all(
      converter
        .missing(query)
        .map(async ({ part, url }) => converter.add(part, await fetchJson<string>(url, "default"))),
    );
    return converter(query);
  }
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

async function resultView(result: PagefindResult): Promise<ResultView> {
  const { url, excerpt, meta } = await result.data();
  return { url, excerpt, title: meta["title"] ?? url, day: meta["date"] ?? "", source: meta["source"] ?? "" };
}
