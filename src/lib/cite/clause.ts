import type { Script } from "../article/schema.ts";
import { chineseNumeral } from "../structure/numerals.ts";
import type { CitationItem } from "./item.ts";

/** A place inside a document that a citation can point to: a clause (条), an item of one, a chapter. */
export interface ClauseLocator {
  /** The place's anchor on the article page, the same in both scripts: art-12. */
  anchor: string;
  /** Its label in the page's script, as Chinese legal writing cites it: 第十二条, 第十二條. */
  label: string;
  /** Its label for English-language writing (Chicago): art. 12. */
  english: string;
  /** The CSL locator and its label, for a clause or an item of one. */
  csl?: { label: "article-locator"; locator: string };
}

const WORDS: Record<Script, Record<string, string>> = {
  hans: { pt: "编", sub: "分编", ch: "章", sec: "节", art: "条", item: "项", subitem: "目" },
  hant: { pt: "編", sub: "分編", ch: "章", sec: "節", art: "條", item: "項", subitem: "目" },
};
const ENGLISH: Record<string, string> = { pt: "pt.", sub: "subpt.", ch: "chap.", sec: "sec." };

const DIVISIONS = /^(?:pt|sub|ch|sec)-\d+(?:-(?:sub|ch|sec)-\d+)*$/;
const ARTICLE = /^art-(\d+)(?:-(\d+))?(?:-item-(\d+(?:-\d+)*))?$/;

/**
 * What a citation says for the place an anchor marks: art-12 is 第十二条 (art. 12),
 * art-287-1 第二百八十七条之一 (art. 287-1), art-12-item-3 第十二条第三项 (art. 12(3)),
 * ch-1-sec-2 第一章第二节 (chap. 1, sec. 2). Undefined for any other id: a paragraph
 * number, or a numbered item of a notice (item-2-1), whose numbers alone do not say
 * whether it is 二、 or （二）.
 */
export function clauseLocator(anchor: string, script: Script): ClauseLocator | undefined {
  const words = WORDS[script];
  const ordinal = (value: string) => `第${chineseNumeral(Number(value))}`;
  if (DIVISIONS.test(anchor)) {
    const pairs = [...anchor.matchAll(/([a-z]+)-(\d+)/g)].map(([, kind = "", number = ""]) => ({ kind, number }));
    if (pairs.some(({ number }) => !inRange(number))) return undefined;
    return {
      anchor,
      label: pairs.map(({ kind, number }) => `${ordinal(number)}${words[kind]}`).join(""),
      english: pairs.map(({ kind, number }) => `${ENGLISH[kind]} ${number}`).join(", "),
    };
  }
  const article = ARTICLE.exec(anchor);
  if (!article) return undefined;
  const [, number = "", inserted, itemPath] = article;
  const items = itemPath?.split("-") ?? [];
  if (![number, inserted ?? "1", ...items].every(inRange)) return undefined;
  const label =
    `${ordinal(number)}${words["art"]}${inserted ? `之${chineseNumeral(Number(inserted))}` : ""}` +
    items.map((item, depth) => `${ordinal(item)}${depth === 0 ? words["item"] : words["subitem"]}`).join("");
  const locator = `${number}${inserted ? `-${inserted}` : ""}${items.map((item) => `(${item})`).join("")}`;
  return { anchor, label, english: `art. ${locator}`, csl: { label: "article-locator", locator } };
}

function inRange(number: string): boolean {
  const value = Number(number);
  return value >= 1 && value <= 9999;
}

/** The citation of one place in a document: its locator, and the permanent link to that place. */
export function citeAt(item: CitationItem, clause: ClauseLocator): CitationItem {
  return { ...item, clause, url: `${item.url}#${clause.anchor}` };
}
