import { findMojibake, type MojibakeFinding } from "./mojibake.ts";
import { removePinyinAnnotations } from "./pinyin.ts";
import { toFullWidthPunctuation } from "./punctuation.ts";
import { normalizeLine, normalizeSpaces } from "./whitespace.ts";

/**
 * The cleanup of copied text in the order the steps need: spaces first (a
 * non-breaking space would hide a pinyin annotation), then pinyin annotations
 * (their parentheses are half-width punctuation the next step would convert),
 * then mojibake detection, then punctuation, which leaves damaged spots as they
 * are so that the maintainer finds them exactly as the warning quotes them.
 */

/** Cleaned text with what the cleanup did to it. */
export interface CleanedText {
  text: string;
  /** Pinyin annotations removed. */
  pinyin: number;
  /** Punctuation marks made full width. */
  punctuation: number;
  /** Damaged spots, with lines and columns in the cleaned text (before punctuation, which keeps lines). */
  mojibake: MojibakeFinding[];
}

/** Cleans a piece of text without trimming it (an HTML or Markdown text node). */
export function cleanInline(text: string): CleanedText {
  const pinyin = removePinyinAnnotations(normalizeSpaces(text));
  const mojibake = findMojibake(pinyin.text);
  const punctuation = toFullWidthPunctuation(pinyin.text, mojibake);
  return { text: punctuation.text, pinyin: pinyin.count, punctuation: punctuation.count, mojibake };
}

/** Cleans one line of a raw copy: as cleanInline, and indentation and trailing spaces go. */
export function cleanLine(line: string): CleanedText {
  return cleanInline(normalizeLine(line));
}
