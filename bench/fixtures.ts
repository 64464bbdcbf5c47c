import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

/** The repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The CCTV evening-news transcripts of the shared corpus (read-only; never copied into the
 * project): under `CORPUS_DIR` when set, else `../shared/corpus` beside the repository.
 */
export const XWLB_DIR = path.resolve(process.env["CORPUS_DIR"] || path.join(ROOT, "../shared/corpus"), "xwlb");

/** One news item of the xwlb corpus. */
export interface XwlbItem {
  /** The broadcast day, YYYY-MM-DD (from the file name). */
  day: string;
  /** Position of the item in that day's programme, from 1. */
  index: number;
  title: string;
  /** The item's HTML body as published (`<p>…</p>`). */
  html: string;
  /** The `[查看原文]` address, when the item has one. */
  url?: string;
}

/** An article written by writeXwlbArchive: an item under its id and (possibly shifted) day. */
export interface XwlbArticle extends XwlbItem {
  id: string;
  /** Path of the article file, relative to the archive folder. */
  file: string;
}

/** Options for writeXwlbArchive. */
export interface XwlbArchiveOptions {
  /** Use only the first `limit` items, oldest first (default: all ~11,700). */
  limit?: number;
  /** Write the items this many times, each copy under distinct ids and days (default 1). */
  repeat?: number;
}

/**
 * Days between copies when the corpus is repeated: the corpus spans 2.3 years, so copies
 * three years apart never share a day and each year keeps a realistic number of articles.
 */
const REPEAT_SHIFT_DAYS = 1096;

/**
 * Reads the corpus items in broadcast order. Items without a real title ("undefined") or
 * without a body (a few video-only items) are skipped: the archive refuses empty articles.
 */
export function readXwlbItems(limit = Infinity): XwlbItem[] {
  const items: XwlbItem[] = [];
  for (const name of readdirSync(XWLB_DIR).sort()) {
    const match = /^(\d{4})(\d{2})(\d{2})\.md$/.exec(name);
    if (!match) continue;
    const day = `${match[1]}-${match[2]}-${match[3]}`;
    for (const item of parseDay(readFileSync(path.join(XWLB_DIR, name), "utf8"), day)) {
      if (items.length >= limit) return items;
      items.push(item);
    }
  }
  return items;
}

/** Splits one day's transcript into items: `### title`, the HTML body, then `[查看原文](url)`. */
function parseDay(text: string, day: string): XwlbItem[] {
  const details = text.split(/^## 详细新闻\s*$/m)[1] ?? "";
  const items: XwlbItem[] = [];
  let index = 0;
  for (const chunk of details.split(/^### /m).slice(1)) {
    index++;
    const newline = chunk.indexOf("\n");
    const title = (newline < 0 ? chunk : chunk.slice(0, newline)).trim();
    const rest = newline < 0 ? "" : chunk.slice(newline + 1);
    const url = /\[查看原文\]\((https?:\/\/[^)\s]+)\)/.exec(rest)?.[1];
    const html = rest
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("[查看原文]"))
      .join("\n")
      .trim();
    if (!title || title === "undefined" || !html) continue;
    items.push({ day, index, title, html, ...(url ? { url } : {}) });
  }
  return items;
}

/** The article id of an item: its day and its position that day (2022-09-24-03). */
export function xwlbArticleId(day: string, index: number): string {
  return `${day}-${String(index).padStart(2, "0")}`;
}

/**
 * Writes an archive folder (site.yaml and articles/YYYY/MM/<id>.md) made from xwlb items,
 * with the front matter an importer would write: id, title, date, source 央视网,
 * section 新闻联播, the original address, script hans; the body is the item's HTML.
 * Returns the articles written, for tests that need to know what the archive holds.
 */
export function writeXwlbArchive(dir: string, options: XwlbArchiveOptions = {}): XwlbArticle[] {
  const items = readXwlbItems(options.limit);
  const repeat = Math.max(1, options.repeat ?? 1);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(dir, "site.yaml"));
  const articles: XwlbArticle[] = [];
  for (let copy = 0; copy < repeat; copy++) {
    for (const item of items) {
      const day = shiftDay(item.day, -copy * REPEAT_SHIFT_DAYS);
      const id = xwlbArticleId(day, item.index);
      const file = `articles/${day.slice(0, 4)}/${day.slice(5, 7)}/${id}.md`;
      const frontMatter = stringify({
        id,
        title: item.title,
        date: day,
        source: "央视网",
        section: "新闻联播",
        ...(item.url ? { url: item.url } : {}),
        script: "hans",
      });
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(dir, file), `---\n${frontMatter}---\n\n${item.html}\n`);
      articles.push({ ...item, day, id, file });
    }
  }
  return articles;
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
