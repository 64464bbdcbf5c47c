/** The query parameter Pagefind adds to result links with the searched terms, read by highlight.ts. */
export const HIGHLIGHT_PARAM = "pagefind-highlight";
