import { createHash } from "node:crypto";

/**
 * Keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key
 * and whose code (Astro hashes each route's module graph) are unchanged since the last
 * build is copied from Astro's cache instead of rendered again. So a key must cover every
 * piece of data the page shows that is not code: a hash of all of it.
 */

/** What an article page shows in either script, besides code and site-wide inputs. */
export interface ArticleShown {
  /** The article's front matter, with a hash of its whole file. */
  article: unknown;
  /** The front matter of every article the page names: neighbours in time, cited, citing and related articles, other versions. */
  linked: readonly unknown[];
  /** The names found in its text that have a page of their own (the footer links only those). */
  namePages?: readonly string[];
}

/** A hash of what an article page shows in either script: made once for its two pages. */
export function articleShownHash(shown: ArticleShown): string {
  return createHash("sha256").update(keyJson(shown)).digest("hex");
}

/** The data an article page shows, besides code (templates, interface strings, the converter's own code). */
export interface ArticlePageData {
  /** Site-wide inputs: a hash of the site settings and the conversion rules. */
  site: string;
  /** The script the page is shown in. */
  script: string;
  /** articleShownHash of the article, what it names and its name pages. */
  shown: string;
}

/** The cache key of an article page: a hash of everything it shows. */
export function articlePageKey(data: ArticlePageData): string {
  return createHash("sha256").update(JSON.stringify(data)).digest("hex");
}

/** The data a listing page or feed shows, besides code. */
export interface ListingPageData {
  /** Site-wide inputs: a hash of the site settings and the conversion rules. */
  site: string;
  /** The script the page is shown in. */
  script: string;
  /** What the page lists: its articles' front matter or its groups' names and counts, and its place among the pages. */
  shown: unknown;
}

/** The cache key of a listing page or feed: a hash of everything it shows. */
export function listingPageKey(data: ListingPageData): string {
  return createHash("sha256").update(keyJson(data)).digest("hex");
}

const articleDigests = new WeakMap<object, string>();

/**
 * A page's data as JSON, in which each article's front matter (an object with the `id` and
 * the `sourceHash` the loader adds) stands for a hash of its own JSON, made once per article:
 * the same articles are on many listing pages and feeds, and on their neighbours' pages.
 */
function keyJson(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || !("sourceHash" in value && "id" in value)) return value;
    let digest = articleDigests.get(value);
    if (digest === undefined) {
      digest = createHash("sha256").update(JSON.stringify(value)).digest("hex");
      articleDigests.set(value, digest);
    }
    return digest;
  });
}

/** A hash of site-wide inputs read from files: each file's name and text (absent files count as empty). */
export function siteInputsHash(parts: Record<string, string>): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(parts).sort()) hash.update(`${name}\n${parts[name]}\n`);
  return hash.digest("hex");
}

/** The lookups an article page names other articles by: the browse index and the version chains. */
export interface ArticleLinks<T> {
  index: {
    neighbours(id: string): { previous?: T | undefined; next?: T | undefined };
    cites(id: string): readonly T[];
    citedBy(id: string): readonly T[];
    related(id: string): readonly T[];
  };
  chains: { chainOf(id: string): readonly T[] | undefined };
}

/**
 * Every article an article page names: its neighbours in time, the documents it cites, the
 * articles citing it, related articles and the other versions of the document. Their front
 * matter goes into the page's key, and into the fingerprint of a part (src/lib/build/fingerprint.ts).
 */
export function linkedArticles<T>({ index, chains }: ArticleLinks<T>, id: string): (T | null)[] {
  const { previous, next } = index.neighbours(id);
  return [
    previous ?? null,
    next ?? null,
    ...index.cites(id),
    ...index.citedBy(id),
    ...index.related(id),
    ...(chains.chainOf(id) ?? []),
  ];
}
