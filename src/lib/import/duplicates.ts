import { toSimplified } from "../cleanup/opencc.ts";

/**
 * Finding an article the archive already has, even when it was imported in the
 * other script or with different punctuation: two keys per article, its title and
 * day, and its day and the start of its body, both folded to Simplified script
 * with only letters and digits kept. Either key matching is a duplicate.
 *
 * The day is part of both keys: on the xwlb corpus (11,749 items) the body's first
 * 80 characters alone matched 20 pairs of different articles (an obituary and the
 * funeral report open alike, a yearly ceremony is announced in the same words),
 * and none once the day is added.
 */

/** Characters of the body's start that make its key: enough to get past a stock opening such as 央视网消息（新闻联播）：. */
export const BODY_KEY_LENGTH = 80;
/** A body shorter than this (after folding) gets no body key: too little to tell articles apart. */
export const BODY_KEY_MIN = 30;

/** What an article is compared on. */
export interface Comparable {
  title: string;
  /** Calendar day, YYYY-MM-DD. */
  day: string;
  body: string;
}

const NOT_LETTER = /[^\p{L}\p{N}]+/gu;

/** Text folded for comparison: Simplified script, full-width letters and digits made plain, lowercase, only letters and digits. */
export function foldText(text: string): string {
  return toSimplified(text.normalize("NFKC").replace(NOT_LETTER, "")).toLowerCase();
}

/** The Markdown body as plain text for the body key: without HTML tags, link targets and addresses. */
function bodyText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, "")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/&[a-z0-9#]+;/gi, "");
}

/** The keys an article is found by: title and day, and (when the body is long enough) day and the start of its body. */
export function duplicateKeys(article: Comparable): { title: string; body?: string } {
  const title = `${article.day}|${foldText(article.title)}`;
  // Only the start is folded: converting a whole body to compare 80 characters would be most of an import's time.
  const letters = bodyText(article.body)
    .normalize("NFKC")
    .replace(NOT_LETTER, "")
    .slice(0, BODY_KEY_LENGTH * 2);
  const start = foldText(letters).slice(0, BODY_KEY_LENGTH);
  return start.length >= BODY_KEY_MIN ? { title, body: `${article.day}|${start}` } : { title };
}

/** Why an article counts as a duplicate, and of which file. */
export interface DuplicateMatch {
  file: string;
  reason: "same title and day" | "same opening text";
}

/** An index of the articles in the archive (and those written in this run) by their duplicate keys. */
export class DuplicateIndex {
  readonly #byTitle = new Map<string, string>();
  readonly #byBody = new Map<string, string>();

  /** Records an article under its keys, named by its file. */
  add(file: string, article: Comparable): void {
    const keys = duplicateKeys(article);
    if (!this.#byTitle.has(keys.title)) this.#byTitle.set(keys.title, file);
    if (keys.body !== undefined && !this.#byBody.has(keys.body)) this.#byBody.set(keys.body, file);
  }

  /** Forgets the keys that point at a file (when it is replaced). */
  remove(file: string): void {
    for (const map of [this.#byTitle, this.#byBody])
      for (const [key, value] of map) if (value === file) map.delete(key);
  }

  /** The article this one duplicates, if any. */
  find(article: Comparable): DuplicateMatch | undefined {
    const keys = duplicateKeys(article);
    const byTitle = this.#byTitle.get(keys.title);
    if (byTitle !== undefined) return { file: byTitle, reason: "same title and day" };
    const byBody = keys.body === undefined ? undefined : this.#byBody.get(keys.body);
    return byBody === undefined ? undefined : { file: byBody, reason: "same opening text" };
  }
}
