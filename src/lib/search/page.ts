import { DATE_SORT_KEY } from "./filters.ts";

/** What the indexer needs to know about one built article page before handing it to Pagefind. */
export interface PageFacts {
  /** The `lang` of the page's <html>, which is also the Pagefind index it goes to. */
  lang: string;
  /** The page's date sort value, from its data-pagefind-sort attribute. */
  sortValue: string;
  /** The article's calendar day (YYYY-MM-DD), from its date meta: the year decides its part (src/lib/build/parts.ts). */
  day: string;
}

/**
 * Reads the language and the date sort value of a built article page, or says what is
 * missing. The markup is our own (src/pages/[script]/articles/[id].astro), so plain
 * pattern matching is enough and far cheaper than parsing 100,000 pages.
 */
export function pageFacts(html: string): PageFacts | { missing: string } {
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1];
  if (!lang) return { missing: "a lang attribute on <html>" };
  if (!/\sdata-pagefind-body[\s>=]/.test(html)) return { missing: "a data-pagefind-body element" };
  const sortValue = new RegExp(`\\sdata-pagefind-sort="${DATE_SORT_KEY}:([^"]+)"`).exec(html)?.[1];
  if (!sortValue) return { missing: `a data-pagefind-sort="${DATE_SORT_KEY}:…" attribute` };
  const day = /\sdata-pagefind-meta="date:(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
  if (!day) return { missing: 'a data-pagefind-meta="date:YYYY-MM-DD" attribute' };
  return { lang: detached(lang.toLowerCase()), sortValue: detached(sortValue), day: detached(day) };
}

/**
 * A copy of a short string cut from a page. V8 may keep a substring as a view into the
 * string it was cut from, so keeping the facts of 200,000 pages would otherwise keep all
 * their HTML in memory: 25 KB a page, enough to exhaust Node's heap at 100,000 articles.
 */
function detached(text: string): string {
  return Array.from(text).join("");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Parts of an article page Pagefind never reads (outside `data-pagefind-body`, with no
 * `data-pagefind-*` attribute): the metadata table and the footer of links to related,
 * neighbouring and citing articles. They change with other articles (a name found in a new
 * article gets a link, a related list moves).
 */
const UNREAD_PARTS = [
  /<table class="doc-meta"[^>]*>[\s\S]*?<\/table>/g,
  /<aside class="article-footer"[^>]*>[\s\S]*?<\/aside>/g,
];

/**
 * A page's HTML without the parts Pagefind never reads: what a search shard depends on,
 * for its cache key and the vocabulary scanned from it. A part holding a `data-pagefind-`
 * attribute is kept, so nothing indexed is ever left out.
 */
export function pageRead(html: string): string {
  let read = html;
  for (const part of UNREAD_PARTS)
    read = read.replace(part, (found) => (found.includes("data-pagefind-") ? found : ""));
  return read;
}

/** The visible text of a page (scripts, styles and tags removed), for collecting the archive's vocabulary. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}
