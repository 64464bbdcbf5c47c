/**
 * Whitespace cleanup for copied text. Browsers and editors leave byte order marks,
 * Windows line ends, zero-width characters and non-breaking spaces in a copy;
 * Chinese pages indent paragraphs with full-width spaces, which the site does with
 * CSS instead, so the indentation is dropped.
 */

/** Zero-width and invisible format characters that carry nothing in Chinese prose. */
const INVISIBLE = /[\u200B\u200C\u200E\u200F\u2060\u2061-\u2064\uFEFF\u00AD]/g;

/** Spaces other than the ASCII space and the ideographic space (non-breaking, thin, em...). */
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3164]/g;

/** A zero-width joiner outside an emoji sequence, where it joins nothing. */
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** Indentation at the start of a line: ASCII, non-breaking and full-width spaces. */
const INDENT = /^[ \t\u00A0\u3000]+/;

/** Removes a leading byte order mark and turns CRLF and lone CR line ends into LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Normalises spaces inside text: invisible characters go, odd spaces (tabs,
 * non-breaking, thin) become ASCII spaces and runs of spaces become one. Nothing is
 * trimmed, so it is safe on a piece of a paragraph such as an HTML text node.
 */
export function normalizeSpaces(text: string): string {
  return text.replace(INVISIBLE, "").replace(STRAY_ZWJ, "").replace(ODD_SPACE, " ").replace(/ {2,}/g, " ");
}

/**
 * Normalises one line: spaces as in normalizeSpaces, then indentation and trailing
 * spaces go. Full-width spaces inside the line are kept: headlines use them as separators.
 */
export function normalizeLine(line: string): string {
  return normalizeSpaces(line)
    .replace(INDENT, "")
    .replace(/[ \u3000]+$/, "");
}

/** Removes paragraph indentation (ASCII, non-breaking or full-width spaces) from the start of a line. */
export function stripIndent(line: string): string {
  return line.replace(INDENT, "");
}

/**
 * Normalises whitespace in multi-line text: line ends, each line as in
 * normalizeLine, and no more than one blank line in a row (a paragraph break).
 */
export function normalizeWhitespace(text: string): string {
  return normalizeLineEnds(text)
    .split("\n")
    .map(normalizeLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/**
 * Joins lines that HTML source wrapped between two Chinese characters: a browser
 * shows no space there (CSS Text removes such segment breaks), so neither should the article.
 */
export function joinCjkLineBreaks(text: string): string {
  return text.replace(
    /([\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])[ \t]*\n[ \t]*(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu,
    "$1",
  );
}
