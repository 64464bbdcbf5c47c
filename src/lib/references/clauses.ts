import { NUMERAL_CHARS, parseNumeral } from "../structure/numerals.ts";

/** A clause (条) named in running text: the span to link and the anchor it leads to. */
export interface ClauseSpan {
  start: number;
  end: number;
  /** The anchor of the clause, as AnchorNamer makes it: art-12, art-287-1 (第二百八十七条之一). */
  anchor: string;
}

const N = `[${NUMERAL_CHARS}]+`;
// 第十二条, 第二百八十七条之一, then the paragraph and item within it (第二款, 第（三）项), which
// are part of the one link: anchors go down to the clause.
const CLAUSE = `第(${N})[条條](?:之(${N}))?(?:第${N}款)?(?:第[（(]?${N}[）)]?[项項])?`;
const FIRST = new RegExp(`^[ \\u3000]?${CLAUSE}`, "u");
// Further clauses of the same document: 第十二条、第十五条 / 和第二十条 / 至第二十五条.
const NEXT = new RegExp(`^(?:、|和|及|以及|或者|或|至|到)${CLAUSE}`, "u");

function anchorOf(match: RegExpExecArray): string | undefined {
  const number = parseNumeral(match[1] ?? "");
  const inserted = match[2] === undefined ? 0 : parseNumeral(match[2]);
  if (number === undefined || inserted === undefined || number < 1) return undefined;
  return `art-${number}${inserted ? `-${inserted}` : ""}`;
}

/**
 * The clauses named right at `from` in a text (第十二条 directly after a title or after 本法),
 * with those that follow in a list (第十二条、第十五条和第二十条). Empty when no clause starts there.
 */
export function clausesAt(text: string, from: number): ClauseSpan[] {
  const found: ClauseSpan[] = [];
  let at = from;
  let pattern = FIRST;
  for (;;) {
    const match = pattern.exec(text.slice(at, at + 80));
    const anchor = match && anchorOf(match);
    if (!match || !anchor) return found;
    const clauseStart = at + match[0].indexOf("第");
    found.push({ start: clauseStart, end: at + match[0].length, anchor });
    at += match[0].length;
    pattern = NEXT;
  }
}

// How a document names itself: 本法, 本条例, 本规定, 本办法, 本细则, 本规则, 本解释, 本决定, in either script.
const SELF = /本(?:法|条例|條例|规定|規定|办法|辦法|细则|細則|规则|規則|解释|解釋|决定|決定)(?=第)/gu;

/** The clauses a document names as its own (本法第十二条, 本条例第三条、第五条), in order. */
export function ownClauses(text: string): ClauseSpan[] {
  const found: ClauseSpan[] = [];
  for (const match of text.matchAll(SELF)) found.push(...clausesAt(text, match.index + match[0].length));
  return found;
}
