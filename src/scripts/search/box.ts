import { HIGHLIGHT_PARAM } from "./highlight-param.ts";

/**
 * Runs on every page, so it stays tiny: the search page's script and Pagefind load only
 * when a reader first focuses a search box (to have them ready when they press Enter; the
 * box searches by relevance, which needs every shard's page list), and the highlighter only
 * on a page reached from a search result.
 */
for (const input of document.querySelectorAll<HTMLInputElement>("[data-search-box] input[name=q]")) {
  input.addEventListener(
    "focus",
    () => {
      import("./client.ts")
        .then(({ SearchClient }) => new SearchClient(document.documentElement.lang.toLowerCase()).warm())
        .catch((error: unknown) => console.warn("search could not be prepared", error));
    },
    { once: true },
  );
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  void import("./highlight.ts").then(({ highlightSearchTerms }) => highlightSearchTerms());
}
