import { SORT_ANCHOR_WORD } from "./shards.ts";

/** Queries longer than this are cut: nobody types more, and a pasted article would only slow the search. */
export const MAX_QUERY_LENGTH = 100;

/** Quotation marks readers type around a phrase, in either script and on any keyboard. */
const QUOTES = /[“”„‟「」『』〝〞＂"]/g;

/**
 * Tidies what a reader typed into what the index understands: full-width Latin letters,
 * digits and spaces become half-width (ＡＰＥＣ, ２０２０年), any quotation marks become
 * ASCII ones so that a phrase in 「」 or “” is searched as a phrase, runs of spaces
 * collapse, and the length is capped.
 */
export function normalizeQuery(raw: string): string {
  const text = raw
    .normalize("NFKC")
    .replace(QUOTES, '"')
    .replace(/\s+/g, " ")
    .split(" ")
    .filter((word) => word.toLowerCase() !== SORT_ANCHOR_WORD)
    .join(" ")
    .trim();
  return Array.from(text).slice(0, MAX_QUERY_LENGTH).join("").trim();
}
