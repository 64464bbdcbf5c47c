import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { readXwlbItems, writeXwlbArchive } from "../fixtures.ts";

/** What the benchmark needs to know of an archive it wrote. */
export interface ArchiveFacts {
  dir: string;
  articles: number;
  /** How many times the corpus was repeated under other ids and days to reach the size. */
  repeat: number;
  /** The article of median body length and the longest one, for page weight. */
  medianId: string;
  longestId: string;
}

/** Items in the whole xwlb corpus (about 11,700). */
export function corpusSize(): number {
  return readXwlbItems().length;
}

/**
 * Writes an archive of about `size` articles from the xwlb corpus with bench/fixtures.ts,
 * oldest first; past the corpus's size the corpus is repeated under distinct ids and days.
 */
export function writeArchive(dir: string, size: number, corpus: number): ArchiveFacts {
  rmSync(dir, { recursive: true, force: true });
  const repeat = Math.ceil(size / corpus);
  const articles = writeXwlbArchive(dir, { limit: Math.ceil(size / repeat), repeat });
  const byLength = articles.map((article) => ({ id: article.id, length: article.html.length }));
  byLength.sort((a, b) => a.length - b.length);
  return {
    dir,
    articles: articles.length,
    repeat,
    medianId: byLength[Math.floor(byLength.length / 2)]?.id ?? "",
    longestId: byLength.at(-1)?.id ?? "",
  };
}

/** Writes the whole corpus and keeps one year of it: what one shard of a year-sharded build holds. */
export function writeYearArchive(dir: string, year: string): number {
  rmSync(dir, { recursive: true, force: true });
  const articles = writeXwlbArchive(dir);
  for (const other of readdirSync(path.join(dir, "articles"))) {
    if (other !== year) rmSync(path.join(dir, "articles", other), { recursive: true });
  }
  return articles.filter((article) => article.day.startsWith(`${year}-`)).length;
}
