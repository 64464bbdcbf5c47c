import type { PageAnchor, PageHit } from "../../lib/search/landing.ts";
import { listsToPrefetch, type PageList, type SearchManifest } from "../../lib/search/manifest.ts";
import { dateSortWeight } from "../../lib/search/shards.ts";
import { HIGHLIGHT_PARAM } from "./highlight-param.ts";

/** One search hit before its details are loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

/**
 * A hit's details: where it leads, its excerpt with <mark>ed terms (HTML-escaped), the page's
 * metadata, the words that matched with their scores and the page's elements with an id.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<string, string>>;
  weighted_locations: PageHit[];
  anchors: PageAnchor[];
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
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload: (term: string, options: SearchOptions) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}

/** How results are ranked across shards: by relevance, or by date (see dateSortWeight). */
export type RankMode = "relevance" | "date";

/** The end of the archive shards are loaded from: the newest, or the oldest (for oldest first). */
export type ShardEnd = "newest" | "oldest";

/**
 * Pagefind over the shards of one script's index, loading them from one end of the
 * archive and only as far as asked: the first shard is the primary index and the next
 * ones are merged into it (mergeIndex) when a search needs them. Each shard merged costs
 * its page list and, per search, its own index chunks, so a search sorted by date that
 * the shards at its end answer loads no more. Shard weights depend on the ranking mode
 * and Pagefind fixes them when it merges, so switching mode or end sets Pagefind up again
 * (from the browser's cache); an archive in one shard never needs to.
 */
export class ShardedPagefind {
  readonly #manifest: SearchManifest;
  #module: Promise<PagefindModule> | undefined;
  #mode: RankMode | undefined;
  #end: ShardEnd = "newest";
  /** The shards merged so far, counted from the current end. */
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

  /** The number of shards loaded so far from one end (none when Pagefind is set up from the other). */
  loaded(end: ShardEnd): number {
    return end === this.#end ? this.#loaded : 0;
  }

  /**
   * How many shards, counted from the newest, a search by relevance can use without waiting
   * for a page list: those merged already, or whose files have all arrived (at least the newest).
   */
  ready(): number {
    const merged = this.#mode === "relevance" && this.#end === "newest" ? this.#loaded : 0;
    const lists = this.#manifest.lists ?? [];
    let ready = 1;
    while (ready < this.shardCount && downloaded(lists[ready - 1])) ready++;
    return Math.max(merged, ready);
  }

  /**
   * Runs `task` with Pagefind set up for a ranking mode (or whichever it is in, when none is
   * asked for) and at least `shards` shards loaded from `end`, after every earlier task.
   */
  with<T>(
    mode: RankMode | undefined,
    shards: number,
    task: (pagefind: PagefindModule) => Promise<T>,
    end?: ShardEnd,
  ): Promise<T> {
    const run = this.#queue.then(async () => task(await this.#prepare(mode, shards, end)));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #prepare(mode: RankMode | undefined, shards: number, end: ShardEnd | undefined): Promise<PagefindModule> {
    const all = this.#manifest.shards;
    const newest = all[0];
    if (!newest) throw new Error("the search index has no pages in this script");
    const single = all.length === 1;
    const wanted = single ? "relevance" : (mode ?? this.#mode ?? "relevance");
    const from = single ? "newest" : (end ?? this.#end);
    // Every shard has the same Pagefind script; the first one loaded brings it.
    const start = (from === "newest" ? newest : all.at(-1)) ?? newest;
    this.#module ??= import(/* @vite-ignore */ `${start}pagefind.js`) as Promise<PagefindModule>;
    const pagefind = await this.#module;
    const target = Math.min(all.length, Math.max(1, shards));
    const common = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 40 };
    if (wanted !== this.#mode || from !== this.#end) {
      // Shards loaded before from the same end are set up again too: they are in the browser's cache.
      const again = from === this.#end ? Math.max(target, this.#loaded) : target;
      if (this.#mode !== undefined) await pagefind.destroy();
      this.#mode = wanted;
      this.#end = from;
      this.#loaded = 0;
      this.#prefetch(this.#sequence().slice(0, again));
      await pagefind.options({
        ...common,
        // On the page's own thread: Pagefind's worker is one more download before anything
        // starts, and gives up after 5 s to start again here, which a phone network can take.
        // Pagefind reads it only here, at its start; a merged shard given it warns of it.
        noWorker: true,
        basePath: start,
        indexWeight: this.#weight(start),
        metaCacheTag: this.#tag(start),
      });
      await pagefind.init();
      this.#loaded = 1;
      await this.#merge(pagefind, again, common);
    }
    await this.#merge(pagefind, target, common);
    return pagefind;
  }

  /** Merges shards until the first `target` from the current end are loaded. */
  async #merge(pagefind: PagefindModule, target: number, common: Record<string, unknown>): Promise<void> {
    const sequence = this.#sequence();
    this.#prefetch(sequence.slice(this.#loaded, target));
    while (this.#loaded < target) {
      const shard = sequence[this.#loaded];
      if (shard === undefined) return;
      await pagefind.mergeIndex(shard, { ...common, indexWeight: this.#weight(shard), metaCacheTag: this.#tag(shard) });
      this.#loaded++;
    }
  }

  /**
   * Asks for the page lists a search by relevance needs beyond the newest shard's, as far as
   * their budget goes (listsToPrefetch): what the search page preloads, for a search box on
   * another page once focused.
   */
  prefetchLists(): void {
    ask(listsToPrefetch(this.#manifest.lists ?? []));
  }

  /** Asks at once for the entry files and page lists of shards about to be loaded, which Pagefind fetches one shard after another. */
  #prefetch(shards: readonly string[]): void {
    const { lists = [], shards: all } = this.#manifest;
    // The newest shard's files are in `start`, which the page itself preloads.
    ask(shards.flatMap((shard) => lists[all.indexOf(shard) - 1] ?? []));
  }

  /** The shards in the order they are loaded from the current end. */
  #sequence(): string[] {
    const shards = this.#manifest.shards;
    return this.#end === "newest" ? shards : [...shards].reverse();
  }

  /** The cache tag of a shard's entry file (SearchManifest.tags). */
  #tag(shard: string): string | undefined {
    return this.#manifest.tags[this.#manifest.shards.indexOf(shard)];
  }

  /** The weight of a shard in the current mode (see dateSortWeight). */
  #weight(shard: string): number {
    const { shards, sortBase } = this.#manifest;
    return this.#mode === "date" ? dateSortWeight(shards.length - 1 - shards.indexOf(shard), sortBase) : 1;
  }
}

/** The addresses asked for by `ask` whose downloads have ended. */
const arrived = new Set<string>();

/** Whether a page list and its entry file have been downloaded. */
function downloaded(list: PageList | undefined): boolean {
  return list !== undefined && arrived.has(list.entry) && arrived.has(list.meta);
}

/**
 * Asks for page lists with their entry files, each once, as preloads: Pagefind's own fetch of
 * the same address then takes up the download, where a second fetch would download it again.
 */
function ask(lists: readonly PageList[]): void {
  const asked = new Set(
    [...document.head.querySelectorAll("link[rel=preload]")].map((link) => link.getAttribute("href")),
  );
  for (const href of lists.flatMap((list) => [list.entry, list.meta])) {
    if (asked.has(href)) continue;
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    link.addEventListener("load", () => arrived.add(href), { once: true });
    document.head.append(link);
  }
}
