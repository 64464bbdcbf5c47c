import { HIGHLIGHT_PARAM } from "./highlight-param.ts";

/**
 * Marks the searched terms on an article reached from a search result: Pagefind adds
 * them to the result link (?pagefind-highlight=乡村&pagefind-highlight=振兴), already in
 * this page's script. Only the indexed parts of the page (headline and body) are marked,
 * and the first mark below the headline is scrolled into view.
 */
export function highlightSearchTerms(): void {
  const terms = [...new Set(new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM))]
    .map((term) => term.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (terms.length === 0) return;
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  const marks: HTMLElement[] = [];
  for (const root of document.querySelectorAll<HTMLElement>("[data-pagefind-body]")) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    for (const text of texts) marks.push(...markText(text, pattern));
  }
  const below = marks.find((mark) => !mark.closest("header"));
  if (below && below.getBoundingClientRect().top > window.innerHeight) below.scrollIntoView({ block: "center" });
}

function markText(text: Text, pattern: RegExp): HTMLElement[] {
  const value = text.data;
  const marks: HTMLElement[] = [];
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    const start = match.index;
    fragment.append(value.slice(last, start));
    const mark = document.createElement("mark");
    mark.className = "search-highlight";
    mark.textContent = match[0];
    fragment.append(mark);
    marks.push(mark);
    last = start + match[0].length;
  }
  if (marks.length === 0) return marks;
  fragment.append(value.slice(last));
  text.replaceWith(fragment);
  return marks;
}
