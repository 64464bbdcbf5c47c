import type { Script } from "../article/schema.ts";
import { langTag } from "../../i18n/strings.ts";
import { sitePath } from "../site/base.ts";

/**
 * What the search page of one script needs to know about the index, written at build
 * time to /pagefind/search.<language>.json and fetched with the first search.
 */
export interface SearchManifest {
  /** Pages in this script's index. */
  pages: number;
  /** The URL of each shard that has pages in this script, newest first. */
  shards: string[];
  /**
   * The cache tag of each shard's entry file, in the order of `shards`: it changes with the
   * shard, so Pagefind asks for `pagefind-entry.json?ts=<tag>`, one address a page can preload
   * and a browser can keep, instead of a new one each time.
   */
  tags: string[];
  /**
   * The publication day (YYYY-MM-DD) of each shard's oldest page, in the order of `shards`: what
   * results ranked over the newest shards only are labelled with while the others load.
   */
  since?: string[];
  /** The files the first search needs from the newest shard before anything else, which the search page preloads. */
  start?: StartFiles;
  /**
   * The entry file and page list of each shard after the newest, in the order of `shards`:
   * a search by relevance needs every one, and fetched one after another they cost a round
   * trip each. The search page asks for them once its script runs, unless it opens with a
   * query, and a search box when focused, as far as PRELOADED_LIST_BYTES allows
   * (`listsToPrefetch`); a search asks for the rest together when it needs them.
   */
  lists?: PageList[];
  /** The base of the shard weights for sorting by date (see dateSortWeight). */
  sortBase: number;
  /** The URL of the conversion table for queries typed in the other script. */
  table: string;
  /** The characters that make a query worth converting (encodeCharacterSet). */
  trigger: string;
}

/** What Pagefind loads from a shard before its first search: its program, entry file, this language's page list and WebAssembly. */
export interface StartFiles {
  script: string;
  entry: string;
  meta: string;
  wasm: string;
}

/** What Pagefind loads to merge a shard into the index: its entry file, and this language's page list with its size in bytes. */
export interface PageList {
  entry: string;
  meta: string;
  bytes: number;
}

/**
 * The bytes of page lists after the newest shard's that a search page asks for before a search:
 * on the whole corpus of 11,483 articles they all fit (150 KB in three shards); at 100,000
 * articles only the newest few do, and a search asks for the rest when it needs them.
 */
export const PRELOADED_LIST_BYTES = 256 * 1024;

/** The page lists a search page asks for before a search: newest first, as far as PRELOADED_LIST_BYTES goes. */
export function listsToPrefetch(lists: readonly PageList[]): PageList[] {
  const chosen: PageList[] = [];
  let bytes = 0;
  for (const list of lists) {
    bytes += list.bytes;
    if (bytes > PRELOADED_LIST_BYTES) break;
    chosen.push(list);
  }
  return chosen;
}

/** One script's search index: its script and the language key Pagefind gives it (the lowercased lang tag). */
export interface SearchLanguage {
  script: Script;
  tag: string;
}

/** The two indexes, one per script. */
export const SEARCH_LANGUAGES: readonly SearchLanguage[] = (["hans", "hant"] as const).map((script) => ({
  script,
  tag: langTag(script).toLowerCase(),
}));

/** The id of the `<script>` carrying the manifest in a search page, which the search client reads instead of fetching it. */
export const MANIFEST_ELEMENT_ID = "search-manifest";

/** The name of a script's manifest in the search bundle folder. */
export function manifestName(tag: string): string {
  return `search.${tag}.json`;
}

/** The URL path of a script's manifest. */
export function manifestUrl(tag: string): string {
  return sitePath(`pagefind/${manifestName(tag)}`);
}
