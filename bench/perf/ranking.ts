import type { Browser, Page } from "playwright-core";
import { createConverter, TO_HANT } from "../../src/lib/script/index.ts";
import { resultPaths, searchSettled } from "../../tests/e2e/support/search-page.ts";
import { serveSite } from "../../tests/e2e/support/server.ts";
import { count, median } from "./format.ts";
import type { KnownItemQuery } from "./known-items.ts";

/**
 * Ranking on known-item queries (bench/perf/known-items.ts): each query is typed into the
 * site's own search page in Chromium and submitted, as a reader does, and the place of the
 * article meant among the results is read off the page. Four ways: each script's query on
 * its own pages and on the other script's (which the page converts).
 */

/** A way of searching: whose pages, and whether the query is typed in Traditional. */
interface Mode {
  name: string;
  segment: "zh-hans" | "zh-hant";
  traditional: boolean;
}

const MODES: Mode[] = [
  { name: "Simplified query, Simplified pages", segment: "zh-hans", traditional: false },
  { name: "Traditional query, Traditional pages", segment: "zh-hant", traditional: true },
  { name: "Simplified query, Traditional pages", segment: "zh-hant", traditional: false },
  { name: "Traditional query, Simplified pages", segment: "zh-hans", traditional: true },
];

/** Results read per query: the first page. */
const SHOWN = 10;

/** The outcome of one way of searching. */
export interface RankingRun {
  mode: string;
  /** Per query, the place of the article meant among the first ten results (1 is first), or 0 when not there. */
  ranks: number[];
  /** Milliseconds from pressing Enter to the settled first page, per query. */
  ms: number[];
  /** The queries whose article was not first: the query as typed and the place. */
  misses: { query: string; rank: number }[];
}

/** Asks every query in every way on the built site and reads where the article meant is placed. */
export async function measureRanking(
  siteDir: string,
  queries: readonly KnownItemQuery[],
  browser: Browser,
  progress: (message: string) => void,
): Promise<RankingRun[]> {
  const toHant = createConverter(TO_HANT);
  const server = await serveSite(siteDir);
  const runs: RankingRun[] = [];
  try {
    for (const mode of MODES) {
      progress(`ranking: ${mode.name}, ${queries.length} queries`);
      const page = await browser.newPage();
      await page.goto(`${server.url}/${mode.segment}/search/`);
      const run: RankingRun = { mode: mode.name, ranks: [], ms: [], misses: [] };
      for (const { id, query } of queries) {
        const typed = mode.traditional ? toHant.convert(query) : query;
        const { ids, ms } = await typeSearch(page, typed);
        const rank = ids.indexOf(id) + 1;
        run.ranks.push(rank);
        run.ms.push(ms);
        if (rank !== 1) run.misses.push({ query: typed, rank });
      }
      await page.close();
      runs.push(run);
    }
  } finally {
    await server.close();
  }
  return runs;
}

/** Types a query into the search page's box and presses Enter; returns the article ids listed, in order. */
async function typeSearch(page: Page, query: string): Promise<{ ids: string[]; ms: number }> {
  const input = page.locator("form[data-search-form] input[name=q]");
  await input.fill(query);
  const started = performance.now();
  await input.press("Enter");
  await searchSettled(page);
  const ms = performance.now() - started;
  const ids = (await resultPaths(page)).map((pathname) => pathname.split("/")[3] ?? "");
  return { ids: ids.slice(0, SHOWN), ms };
}

/** The report block: per way of searching, the share with the article first, in the first ten, and the mean reciprocal rank. */
export function formatRanking(articles: number, drawn: number, runs: readonly RankingRun[], missesShown = 5): string[] {
  const queries = runs[0]?.ranks.length ?? 0;
  const share = (ranks: number[], test: (rank: number) => boolean): string =>
    `${((100 * ranks.filter(test).length) / Math.max(1, ranks.length)).toFixed(1)}%`;
  const lines = [
    `ranking, ${count(articles)} articles: ${count(queries)} known-item queries (the rarest headline word and the rarest ` +
      `other word of one article's text, which no other article has both of; from ${count(drawn)} articles drawn)`,
    "    way of searching: first; in the first ten; mean reciprocal rank (0 past ten); median ms from Enter to the first page",
  ];
  for (const run of runs) {
    const mrr = run.ranks.reduce((sum, rank) => sum + (rank > 0 ? 1 / rank : 0), 0) / Math.max(1, run.ranks.length);
    lines.push(
      `    ${run.mode}: ${share(run.ranks, (rank) => rank === 1)}; ${share(run.ranks, (rank) => rank > 0)}; ` +
        `${mrr.toFixed(3)}; ${median(run.ms).toFixed(0)} ms`,
    );
    const shown = run.misses.slice(0, missesShown).map((miss) => `${miss.query} (${miss.rank || "past 10"})`);
    if (shown.length > 0) lines.push(`      not first, e.g.: ${shown.join(", ")}`);
  }
  return lines;
}
