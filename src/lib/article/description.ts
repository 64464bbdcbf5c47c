/**
 * The meta description of an article page, made from the article's own first sentences
 * (in the page's script, since it is read from the shown text). Search engines show
 * about 120 Chinese characters of a description, so it ends at the last whole sentence
 * within that length.
 */

/** Longest description, in characters. */
export const DESCRIPTION_LENGTH = 120;

/** A sentence ends at 。！？ (or their half-width forms before a space), with any closing quotes or brackets. */
const SENTENCE_END = /(?:[。！？!?]|\.(?=\s|$))[」』”’）)》〉]*/gu;

/** Where a sentence that is too long can be cut with an ellipsis. */
const CLAUSE_END = /[，；：、,;:]/gu;

/** Prose ends with punctuation (a sentence, or a clause before a list); a headline or a label does not. */
const ENDS_AS_PROSE = /[。！？!?.；;：:，,…][」』”’）)》〉]*$/u;

/** A block not ending in punctuation and at most this long is a headline, a chapter title or a label. */
const HEADLINE_LENGTH = 40;

const length = (text: string): number => [...text].length;
/** Spaces made one, and zero-width spaces and byte-order marks (left in copied text) removed. */
const squeeze = (text: string): string =>
  text
    .replace(/[\u200b\ufeff]/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
const bare = (text: string): string => text.replace(/[\s\u3000]+/gu, "");

/** Whether a block reads as a headline rather than prose: the title itself, or a short line not ending in punctuation. */
function headlineLike(block: string, title: string): boolean {
  if (bare(block) === bare(title)) return true;
  return !ENDS_AS_PROSE.test(block) && length(block) <= HEADLINE_LENGTH;
}

/**
 * The description of an article from the text of its blocks (paragraphs, list items) in
 * reading order: headline-like blocks (a repeated headline, chapter titles, short labels)
 * are skipped, the rest joined and cut after the last sentence that ends within `max`
 * characters; a first sentence longer than that is cut at a comma (in its second half, else
 * at the length) with an ellipsis.
 * Empty when the article has no text.
 */
export function articleDescription(blocks: readonly string[], title: string, max = DESCRIPTION_LENGTH): string {
  const texts = blocks.map(squeeze).filter((block) => block !== "");
  const prose = texts.filter((block) => !headlineLike(block, title));
  const text = (prose.length > 0 ? prose : texts).join("");
  if (length(text) <= max) return text;
  const chars = [...text];
  const within = chars.slice(0, max).join("");
  const sentenceEnd = lastEnd(within, SENTENCE_END);
  if (sentenceEnd > 0) return within.slice(0, sentenceEnd).trim();
  const head = chars.slice(0, max - 1).join("");
  // A comma in the first half would leave too little; then the cut falls where the length does.
  const clauseEnd = lastEnd(head, CLAUSE_END);
  const cut = length(head.slice(0, clauseEnd)) > max / 2 ? head.slice(0, clauseEnd - 1) : head;
  return `${cut.trim()}…`;
}

/** The index just after the last match of `pattern` in `text`, 0 when there is none. */
function lastEnd(text: string, pattern: RegExp): number {
  let end = 0;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
