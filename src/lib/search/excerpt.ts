/**
 * A search excerpt made to read as Chinese text. Pagefind joins the blocks of a page with a
 * space and ends a heading that has no final punctuation with a half-width full stop, as
 * for English: 工业经济新动能茁壮成长. 央视网消息… and 。 今天… In Chinese text neither is
 * written, so a half-width stop after a Chinese headline becomes 。 and the space after
 * Chinese punctuation goes. Spaces between Chinese words in a headline (共护一江水 万里长江)
 * are the writer's and stay.
 */

/** What may stand between a character and the joiner: Pagefind's zero-width word breaks and the end of a highlight. */
const BETWEEN = "(?:\\u200b|</mark>)*";

/** A half-width stop and space after a Chinese character or closing mark (a heading's end). */
const HEADING_STOP = new RegExp(`([\\p{Script=Han}」』”’）》〉])(${BETWEEN})\\. +`, "gu");

/** A space after Chinese punctuation (between two paragraphs, or after a headline ending in a quote). */
const SPACE_AFTER_PUNCTUATION = new RegExp(`([。！？；：，、」』”’）》〉])(${BETWEEN}) +`, "gu");

/** The excerpt (HTML with <mark> elements, as Pagefind gives it) joined as Chinese text. */
export function readableExcerpt(excerpt: string): string {
  return excerpt.replace(HEADING_STOP, "$1$2。").replace(SPACE_AFTER_PUNCTUATION, "$1$2");
}
