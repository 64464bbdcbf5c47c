import type { XwlbItem } from "../fixtures.ts";

/** Items longer than this are cut at the last sentence end before it, to stay reviewable. */
export const MAX_CHARS = 600;

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

/**
 * The plain text of an xwlb item as the judged sets hold it: the body's HTML with tags
 * removed, one line per paragraph or `<br>`, entities decoded, blank lines dropped; the
 * headline is not part of it. Cut to MAX_CHARS at a sentence end when longer.
 */
export function judgedText(item: Pick<XwlbItem, "html">): string {
  const full = item.html
    .replace(/<br\s*\/?>|<\/p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:nbsp|lt|gt|amp|quot);/g, (entity) => ENTITIES[entity] ?? entity)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
  return cutAtSentence(full, MAX_CHARS);
}

/** The longest prefix of at most `max` characters ending with 。！？ (or the whole text when short). */
function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf("。"), head.lastIndexOf("！"), head.lastIndexOf("？"));
  // A closing quote right after the sentence end belongs to the sentence.
  const close = head[end + 1] === "”" ? end + 2 : end + 1;
  return end > 0 ? head.slice(0, close) : head;
}

/** The source key of an item: its transcript file and its position there (`xwlb/20230315.md#3`). */
export function judgedSource(item: Pick<XwlbItem, "day" | "index">): string {
  return `xwlb/${item.day.replaceAll("-", "")}.md#${item.index}`;
}
