import { NUMERAL_CHARS, parseNumeral } from "./numerals.ts";

/** The kinds of numbered unit a Chinese legal or policy text is divided into. */
export type UnitKind = "part" | "subpart" | "chapter" | "section" | "article" | "item";

/** A numbered unit's label as read from the start of a heading or paragraph. */
export interface UnitLabel {
  kind: UnitKind;
  /** 第十二条 is 12. */
  number: number;
  /** 第十二条之一 (a clause inserted by an amendment) is 1; 0 otherwise. */
  inserted: number;
  /** For items: 1 for 一、, 2 for （一）, 3 for 1. */
  level: number;
  /** The label as written, such as 第十二条 or （三）. */
  text: string;
}

const N = `[${NUMERAL_CHARS}]+`;
const UNIT_KIND: Record<string, UnitKind> = {
  编: "part",
  分编: "subpart",
  章: "chapter",
  节: "section",
  条: "article",
};
// Labels of the structure of a law: 第一编, 第一分编, 第一章, 第一节, 第一条, 第二百八十七条之一.
const NUMBERED = new RegExp(`^第(${N})(分编|编|章|节|條|条|節)(?:之(${N}))?`);
// Numbering in notices and within clauses: 一、  （一）  1.
const ITEM_PATTERNS: [number, RegExp][] = [
  [1, new RegExp(`^(${N})、`)],
  [2, new RegExp(`^[（(](${N})[）)]`)],
  // Not 1.5亿: the number must not continue after the dot.
  [3, /^([0-9０-９]+)[.．、](?![0-9０-９])/],
];
// Whitespace that text copied from official sites puts before a label (full-width, zero-width, BOM).
const LEADING_SPACE = /^[\s\u200b\u3000\ufeff]+/;

/**
 * The numbered unit a heading or paragraph starts, if any. In a paragraph a 第X条 label
 * must be followed by a space (the form of clauses in published law text), so a sentence
 * that begins by citing an article (第五条规定的……) is not taken for that article.
 */
export function readUnitLabel(text: string, inHeading: boolean): UnitLabel | undefined {
  const start = text.replace(LEADING_SPACE, "");
  const numbered = NUMBERED.exec(start);
  if (numbered) {
    const rest = start.slice(numbered[0].length);
    if (!inHeading && rest !== "" && !LEADING_SPACE.test(rest)) return undefined;
    const number = parseNumeral(numbered[1] ?? "");
    const inserted = numbered[3] ? parseNumeral(numbered[3]) : 0;
    const kind = UNIT_KIND[(numbered[2] ?? "").replace("條", "条").replace("節", "节")];
    if (number === undefined || inserted === undefined || !kind) return undefined;
    return { kind, number, inserted, level: 0, text: numbered[0] };
  }
  for (const [level, pattern] of ITEM_PATTERNS) {
    const item = pattern.exec(start);
    const number = item ? parseNumeral(item[1] ?? "") : undefined;
    if (item && number !== undefined) return { kind: "item", number, inserted: 0, level, text: item[0] };
  }
  return undefined;
}

const PREFIX: Record<Exclude<UnitKind, "article" | "item">, string> = {
  part: "pt",
  subpart: "sub",
  chapter: "ch",
  section: "sec",
};
const DIVISIONS = ["part", "subpart", "chapter", "section"] as const;

/**
 * Gives anchors to the numbered units of one document, in reading order. An anchor is
 * made from the units' numbers only (never from their text), so it is the same in both
 * scripts and after the document is imported again: #ch-1-sec-2, #art-12, #art-287-1
 * (第二百八十七条之一), #art-12-item-3 (its （三）), #item-2-1 (二、 then （一） in a notice).
 */
export class AnchorNamer {
  private divisions: Partial<Record<(typeof DIVISIONS)[number], number>> = {};
  private article: string | undefined;
  private items: number[] = [];
  private readonly used = new Set<string>();

  /** The anchor of the unit a label starts, or undefined when it would repeat an earlier one. */
  next(label: UnitLabel): string | undefined {
    let id: string;
    if (label.kind === "article") {
      id = `art-${label.number}${label.inserted ? `-${label.inserted}` : ""}`;
      this.article = id;
      this.items = [];
    } else if (label.kind === "item") {
      // Deeper items are numbered within the nearest shallower one; a missing level counts as 0.
      const path = Array.from({ length: label.level }, (_, i) =>
        i === label.level - 1 ? label.number : (this.items[i] ?? 0),
      );
      this.items = path.slice();
      while (path.length > 1 && path[0] === 0) path.shift();
      id = `${this.article ? `${this.article}-` : ""}item-${path.join("-")}`;
    } else {
      const depth = DIVISIONS.indexOf(label.kind);
      for (const deeper of DIVISIONS.slice(depth + 1)) delete this.divisions[deeper];
      this.divisions[label.kind] = label.number;
      this.article = undefined;
      this.items = [];
      id = DIVISIONS.filter((kind) => this.divisions[kind] !== undefined)
        .map((kind) => `${PREFIX[kind]}-${this.divisions[kind]}`)
        .join("-");
    }
    if (this.used.has(id)) return undefined;
    this.used.add(id);
    return id;
  }
}

/** Whether an id is one AnchorNamer makes (as opposed to a paragraph number such as p-3). */
export function isUnitAnchor(id: string): boolean {
  return /^(?:(?:pt|sub|ch|sec)-\d+(?:-(?:sub|ch|sec)-\d+)*|art-\d+(?:-\d+)?(?:-item-\d+(?:-\d+)*)?|item-\d+(?:-\d+)*)$/.test(
    id,
  );
}

/** Whether an anchor marks an article (第X条), as opposed to a division or an item. */
export function isArticleAnchor(id: string): boolean {
  return /^art-\d+(?:-\d+)?$/.test(id);
}
