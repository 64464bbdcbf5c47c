import { canonicalName } from "../browse/keys.ts";

/**
 * Titles in 《》 in running text, and the forms in which two spellings of one title
 * compare equal.
 */

/** A 《》 title found in a text: the offsets of the whole span (brackets included) and the title inside. */
export interface TitleSpan {
  start: number;
  end: number;
  title: string;
}

/** Longest title taken for one: a 《 left open would otherwise swallow the paragraph. */
const MAX_TITLE_LENGTH = 120;

/**
 * The outermost 《》 titles of a text, in order. Titles nested inside one (written with
 * 〈〉 or, in copied text, with 《》 again) belong to it and are not returned: in
 * 《关于修改〈中华人民共和国药品管理法〉的决定》 the reference is to the decision.
 */
export function findTitles(text: string): TitleSpan[] {
  const found: TitleSpan[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "《") {
      if (depth === 0) start = i;
      depth++;
    } else if (char === "》" && depth > 0) {
      depth--;
      if (depth === 0) {
        const title = text.slice(start + 1, i);
        if (title.trim() !== "" && title.length <= MAX_TITLE_LENGTH && !/[\n\r]/.test(title)) {
          found.push({ start, end: i + 1, title });
        }
      }
    } else if ((char === "\n" || char === "\r") && depth > 0 && text[i + 1] === char) {
      // A blank line ends a paragraph: a 《 left open there is not a title.
      depth = 0;
    }
  }
  return found;
}

const PRC = "中华人民共和国";

/**
 * The form in which two spellings of a title compare equal: Simplified script (plain
 * OpenCC, as browse keys are made), NFKC (full-width brackets become ASCII), no spaces,
 * inner titles in 〈〉 whichever brackets they were written with.
 */
export function titleKey(title: string): string {
  return canonicalName(title).replace(/\s+/gu, "").replace(/[《<]/gu, "〈").replace(/[》>]/gu, "〉");
}

/** The short title of a national law or regulation (its key without 中华人民共和国), or undefined when it has none. */
export function shortTitleKey(key: string): string | undefined {
  return key.startsWith(PRC) && key.length > PRC.length + 1 ? key.slice(PRC.length) : undefined;
}
