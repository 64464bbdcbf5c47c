import type { SearchManifest } from "../../lib/search/manifest.ts";
import { dateSortWeight } from "../../lib/search/shards.ts";
import { HIGHLIGHT_PARAM } from "./highlight-param.ts";

/** One search hit before its details are loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

/** A hit's details: where it leads, its excerpt with <mark>ed terms (HTML-escaped), and the page's metadata. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<string, string>>;
}

/** Values of each filter with their number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What one search returns. */
export interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}

/** The parts of Pagefind's browser module (pagefind.js) this site uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  destroy: () => Promise<void>;
  mergeIndex: (bundlePath: string, options: Record<string, unknown>) => Promise<void>;
  search: (
    term: string,
    options: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> },
  ) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}

/** How results are ranked across shards: by relevance, or by date (see dateSortWeight). */
export type RankMode = "relevance" | "date";

/**
 * Pagefind over every shard of one script's index: the newest shard is the primary
 * index and the others are merged into it. Shard weights depend on the ranking mode
 * and Pagefind fixes them when it merges, so switching mode sets Pagefind up again
 * (from the browser's cache); an archive in one shard never needs to.
 */
export class ShardedPagefind {
  readonly #manifest: SearchManifest;
  #module: Promise<PagefindModule> | undefined;
  #mode: RankMode | undefined;
  #ready: Promise<void> = Promise.resolve();

  constructor(manifest: SearchManifest) {
    this.#manifest = manifest;
  }

  /** Pagefind set up for a ranking mode, or in whichever mode it is already when none is asked for (filters do not care). */
  async use(mode?: RankMode): Promise<PagefindModule> {
    const shards = this.#manifest.shards;
    const primary = shards[0];
    if (!primary) throw new Error("the search index has no pages in this script");
    this.#module ??= import(/* @vite-ignore */ `${primary}pagefind.js`) as Promise<PagefindModule>;
    const pagefind = await this.#module;
    const wanted = shards.length > 1 ? (mode ?? this.#mode ?? "relevance") : "relevance";
    if (wanted !== this.#mode) {
      const again = this.#mode !== undefined;
      this.#mode = wanted;
      this.#ready = this.#ready.then(() => this.#configure(pagefind, wanted, again));
    }
    await this.#ready;
    return pagefind;
  }

  async #configure(pagefind: PagefindModule, mode: RankMode, again: boolean): Promise<void> {
    const { shards, sortBase } = this.#manifest;
    const weight = (index: number): number =>
      mode === "date" ? dateSortWeight(shards.length - 1 - index, sortBase) : 1;
    const common = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 40 };
    if (again) await pagefind.destroy();
    await pagefind.options({ ...common, indexWeight: weight(0) });
    await pagefind.init();
    for (const [index, shard] of shards.entries()) {
      if (index > 0) await pagefind.mergeIndex(shard, { ...common, indexWeight: weight(index) });
    }
  }
}
