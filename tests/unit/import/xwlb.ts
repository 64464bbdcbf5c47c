import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CORPUS } from "../../helpers/corpus.ts";

/**
 * Items of the xwlb corpus (../shared/corpus/xwlb, CCTV evening news transcripts)
 * as articles, read at test time: the corpus text stays outside the project.
 */

export { CORPUS };
export const XWLB = path.join(CORPUS, "xwlb");

/** One news item: a `### title`, an HTML body and a `[查看原文](url)` link, on the day of its file. */
export interface XwlbItem {
  title: string;
  day: string;
  url: string;
  html: string;
}

/** The first `count` items that have a body (some items are video only), in file order. */
export function xwlbItems(count: number): XwlbItem[] {
  const items: XwlbItem[] = [];
  for (const name of readdirSync(XWLB).sort()) {
    const day = `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}`;
    const details = readFileSync(path.join(XWLB, name), "utf8").split("## 详细新闻")[1] ?? "";
    for (const chunk of details.split(/^### /m).slice(1)) {
      const [title = "", ...rest] = chunk.split("\n");
      const text = rest.join("\n");
      const url = /\[查看原文\]\((\S+)\)/.exec(text)?.[1];
      const html = text.replace(/\[查看原文\]\(\S+\)/, "").trim();
      if (!url || html === "") continue;
      items.push({ title: title.trim(), day, url, html });
      if (items.length === count) return items;
    }
  }
  return items;
}

/**
 * The text a reader sees in an HTML body, worked out independently of the
 * importer: paragraphs and line breaks become newlines, tags go, entities are decoded.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<\/p>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Every item of the first `days` transcripts that have an item with a title and no
 * text (a video report), as a bulk feed holds them: those items with an empty html.
 */
export function xwlbFeedWithTitleOnlyItems(days: number): XwlbItem[] {
  const items: XwlbItem[] = [];
  let found = 0;
  for (const name of readdirSync(XWLB).sort()) {
    const day = `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}`;
    const details = readFileSync(path.join(XWLB, name), "utf8").split("## 详细新闻")[1] ?? "";
    const ofDay = details
      .split(/^### /m)
      .slice(1)
      .map((chunk) => {
        const [title = "", ...rest] = chunk.split("\n");
        const text = rest.join("\n");
        const url = /\[查看原文\]\((\S+)\)/.exec(text)?.[1] ?? "";
        return { title: title.trim(), day, url, html: text.replace(/\[查看原文\]\(\S+\)/, "").trim() };
      })
      .filter((item) => item.title !== "" && item.title !== "undefined");
    if (!ofDay.some((item) => item.html === "")) continue;
    items.push(...ofDay);
    if (++found === days) break;
  }
  return items;
}
