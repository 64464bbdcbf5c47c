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

/** What narrows and orders a search. */
export interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, "asc" | "desc">;
}

/** The parts of Pagefind's browser module (pagefind.js) this site uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  destroy: () => Promise<void>;
  mergeIndex: (bundlePath: string, options: Record<string, unknown>) => Promise<void>;
  search: (term: string, options: SearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}

/** How results are ranked across shards: by relevance, or by date (see dateSortWeight). */
export type RankMode = "relevance" | "date";

/**
 * Pagefind over the shards of one script's index, loading them newest first and only as
 * far as asked: the newest shard is the primary index and older ones are merged into it
 * (mergeIndex) when a search needs them. Each shard merged costs its page list and, per
 * search, its own index chunks, so a search sorted by date that the newest shards answer
 * loads no more. Shard weights depend on the ranking mode and Pagefind fixes them when it
 * merges, so switching mode sets Pagefind up again (from the browser's cache) with the
 * shards loaded so far; an archive in one shard never needs to.
 */
export class ShardedPagefind {
  readonly #manifest: SearchManifest;
  #module: Promise<PagefindModule> | undefined;
  #mode: RankMode | undefined;
  /** The newest shards merged so far, in the current mode. */
  #loaded = 0;
  /** Every use of Pagefind, one after another: a search must not run while a shard is being merged. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(manifest: SearchManifest) {
    this.#manifest = manifest;
  }

  /** The number of shards in this script's index. */
  get shardCount(): number {
    return this.#manifest.shards.length;
  }

  /** The number of newest shards loaded so far. */
  get loaded(): number {
    return this.#loaded;
  }

  /**
   * Runs `task` with Pagefind set up for a ranking mode (or whichever it is in, when none is
   * asked for) and at least the newest `shards` shards loaded, after every earlier task.
   */
  with<T>(mode: RankMode | undefined, shards: number, task: (pagefind: PagefindModule) => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => task(await this.#prepare(mode, shards)));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #prepare(mode: RankMode | undefined, shards: number): Promise<PagefindModule> {
    const all = this.#manifest.shards;
    const primary = all[0];
    if (!primary) throw new Error("the search index has no pages in this script");
    this.#module ??= import(/* @vite-ignore */ `${primary}pagefind.js`) as Promise<PagefindModule>;
    const pagefind = await this.#module;
    const wanted = all.length > 1 ? (mode ?? this.#mode ?? "relevance") : "relevance";
    const target = Math.min(all.length, Math.max(1, shards));
    const common = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 40 };
    if (wanted !== this.#mode) {
      // Shards loaded before are set up again too: they are in the browser's cache, and searching them is cheap.
      const again = Math.max(target, this.#loaded);
      if (this.#mode !== undefined) await pagefind.destroy();
      this.#mode = wanted;
      this.#loaded = 0;
      await pagefind.options({ ...common, indexWeight: this.#weight(0) });
      await pagefind.init();
      this.#loaded = 1;
      await this.#merge(pagefind, again, common);
    }
    await this.#merge(pagefind, target, common);
    return pagefind;
  }

  /** Merges older shards until the newest `target` are loaded. */
  async #merge(pagefind: PagefindModule, target: number, common: Record<string, unknown>): Promise<void> {
    const shards = this.#manifest.shards;
    while (this.#loaded < target) {
      const shard = shards[this.#loaded];
      if (shard === undefined) return;
      await pagefind.mergeIndex(shard, { ...common, indexWeight: this.#weight(this.#loaded) });
      this.#loaded++;
    }
  }

  /** The weight of the shard at `index` (newest first) in the current mode. */
  #weight(index: number): number {
    const { shards, sortBase } = this.#manifest;
    return this.#mode === "date" ? dateSortWeight(shards.length - 1 - index, sortBase) : 1;
  }
}
