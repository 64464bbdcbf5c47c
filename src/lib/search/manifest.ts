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
  /** The base of the shard weights for sorting by date (see dateSortWeight). */
  sortBase: number;
  /** The URL of the conversion table for queries typed in the other script. */
  table: string;
  /** The characters that make a query worth converting (encodeCharacterSet). */
  trigger: string;
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

/** The name of a script's manifest in the search bundle folder. */
export function manifestName(tag: string): string {
  return `search.${tag}.json`;
}

/** The URL path of a script's manifest. */
export function manifestUrl(tag: string): string {
  return sitePath(`pagefind/${manifestName(tag)}`);
}
