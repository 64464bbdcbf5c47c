import type { Script } from "../article/schema.ts";
import { homePath } from "../site/urls.ts";
import { FILTER_NAMES, SORTS, type FilterName, type SortOrder } from "./filters.ts";

/** Path of the search page in one script. */
export function searchPath(script: Script): string {
  return `${homePath(script)}search/`;
}

/** Everything that defines a search, as kept in the search page's address (?q=…&sort=…&year=…). */
export interface SearchState {
  query: string;
  sort: SortOrder;
  filters: Partial<Record<FilterName, string>>;
}

/** Reads a search from a URL's query string; unknown parameters and empty values are ignored. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get("sort");
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return {
    query: (params.get("q") ?? "").trim(),
    sort: SORTS.includes(sort as SortOrder) ? (sort as SortOrder) : "relevance",
    filters,
  };
}

/** Writes a search as a query string, in a fixed order and leaving out defaults, so equal searches have equal URLs. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}
