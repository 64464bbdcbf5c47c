/**
 * Search quality and cost on the whole xwlb corpus, in a real browser against a real build:
 * recall at 10 for the query set in bench/search-queries.json, in each script and across
 * scripts, and the bytes a reader's first search fetches.
 *
 *   npx tsx bench/search-recall.ts                    build the corpus site, then measure
 *   npx tsx bench/search-recall.ts --site <dist>      measure an existing build of it
 *   npx tsx bench/search-recall.ts --write-expected   recompute the expected articles (no build)
 *
 * The expected articles of a query are found by substring match on each article's headline
 * and text, with no help from Pagefind; recall at 10 is the share of them among the first ten
 * results. Byte counts are what a gzip-serving host sends: text files gzipped (level 6),
 * Pagefind's own index files as written (they are gzipped already).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { createConverter, TO_HANT } from "../src/lib/script/index.ts";
import { pageText } from "../src/lib/search/page.ts";
import { launchBrowser } from "../tests/e2e/support/browser.ts";
import { buildSite } from "../tests/e2e/support/build.ts";
import { resultPaths, searchSettled } from "../tests/e2e/support/search-page.ts";
import { serveSite } from "../tests/e2e/support/server.ts";
import { readXwlbItems, writeXwlbArchive, xwlbArticleId } from "./fixtures.ts";

interface QueryEntry {
  query: string;
  kind: string;
  expect?: string[];
}

const QUERIES_FILE = new URL("./search-queries.json", import.meta.url);
const { values } = parseArgs({ options: { site: { type: "string" }, "write-expected": { type: "boolean" } } });
const data = JSON.parse(readFileSync(QUERIES_FILE, "utf8")) as { about: string; queries: QueryEntry[] };

/** Every article whose headline or text contains the query (quotation marks removed), by id. */
function expectedArticles(): Map<string, string[]> {
  const articles = readXwlbItems().map((item) => ({
    id: xwlbArticleId(item.day, item.index),
    text: `${item.title}\n${pageText(item.html)}`,
  }));
  return new Map(
    data.queries.map(({ query }) => {
      const needle = query.replaceAll('"', "");
      return [query, articles.filter((article) => article.text.includes(needle)).map((article) => article.id)];
    }),
  );
}

const expected = expectedArticles();
if (values["write-expected"]) {
  for (const entry of data.queries) entry.expect = expected.get(entry.query) ?? [];
  writeFileSync(QUERIES_FILE, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote the expected articles of ${data.queries.length} queries`);
  process.exit(0);
}
for (const entry of data.queries) {
  const found = expected.get(entry.query) ?? [];
  if (JSON.stringify(found) !== JSON.stringify(entry.expect)) {
    console.warn(
      `! ${entry.query}: the corpus now gives ${found.length} articles, the query file lists ${entry.expect?.length}`,
    );
  }
  if (found.length === 0 || found.length > 10)
    console.warn(`! ${entry.query}: ${found.length} expected articles (want 1-10)`);
}

let siteDir = values.site;
if (!siteDir) {
  const archive = mkdtempSync(path.join(tmpdir(), "bench-recall-"));
  const count = writeXwlbArchive(archive).length;
  console.log(`building the site of ${count} articles…`);
  const built = buildSite(archive);
  if (built.status !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
  console.log(`built in ${built.seconds.toFixed(0)} s: ${built.outDir}`);
  siteDir = built.outDir;
}

const server = await serveSite(siteDir);
const browser = await launchBrowser();
const toHant = createConverter(TO_HANT);

/** One way of searching: which pages, and the query as the reader types it. */
const MODES = [
  { name: "Simplified query, Simplified pages", segment: "zh-hans", typed: (query: string) => query },
  { name: "Traditional query, Traditional pages", segment: "zh-hant", typed: (query: string) => toHant.convert(query) },
  { name: "Simplified query, Traditional pages", segment: "zh-hant", typed: (query: string) => query },
  { name: "Traditional query, Simplified pages", segment: "zh-hans", typed: (query: string) => toHant.convert(query) },
] as const;

async function topTen(page: Page, segment: string, query: string): Promise<{ ids: string[]; ms: number }> {
  const started = performance.now();
  await page.goto(`${server.url}/${segment}/search/?q=${encodeURIComponent(query)}`);
  await searchSettled(page);
  const ms = performance.now() - started;
  const ids = (await resultPaths(page)).map((pathname) => pathname.split("/")[3] ?? "");
  return { ids: ids.slice(0, 10), ms };
}

async function recall(browser: Browser): Promise<void> {
  const rows: string[][] = [];
  const byMode = new Map<string, number[]>();
  const byKind = new Map<string, number[]>();
  const times = new Map<string, number[]>();
  const page = await browser.newPage();
  for (const entry of data.queries) {
    const want = expected.get(entry.query) ?? [];
    const row = [entry.query, entry.kind, String(want.length)];
    for (const mode of MODES) {
      const { ids, ms } = await topTen(page, mode.segment, mode.typed(entry.query));
      const score = want.filter((id) => ids.includes(id)).length / Math.min(10, Math.max(1, want.length));
      row.push(score.toFixed(2));
      byMode.set(mode.name, [...(byMode.get(mode.name) ?? []), score]);
      if (mode === MODES[0] || mode === MODES[1])
        byKind.set(`${entry.kind} (${mode.segment})`, [
          ...(byKind.get(`${entry.kind} (${mode.segment})`) ?? []),
          score,
        ]);
      times.set(mode.name, [...(times.get(mode.name) ?? []), ms]);
    }
    rows.push(row);
  }
  await page.close();
  console.log("\nrecall at 10 per query (columns: the four ways of searching below, in order)");
  console.log(table(["query", "kind", "expected", "hans/hans", "hant/hant", "hans→hant", "hant→hans"], rows));
  console.log("\nmean recall at 10, and median time from opening the search page to the results");
  console.log(
    table(
      ["way of searching", "recall@10", "median ms"],
      MODES.map((mode) => [
        mode.name,
        mean(byMode.get(mode.name) ?? []).toFixed(3),
        median(times.get(mode.name) ?? []).toFixed(0),
      ]),
    ),
  );
  console.log("\nmean recall at 10 by kind of query");
  console.log(
    table(
      ["kind (pages)", "recall@10"],
      [...byKind].map(([kind, scores]) => [kind, mean(scores).toFixed(3)]),
    ),
  );
}

/** What a reader's first search costs: every response from opening the search page to the results, gzipped. */
async function firstSearchBytes(browser: Browser): Promise<void> {
  const rows: string[][] = [];
  for (const [segment, query, note] of [
    ["zh-hans", "乡村振兴", "Simplified query"],
    ["zh-hans", "鄉村振興", "Traditional query (table loaded)"],
    ["zh-hant", "鄉村振興", "Traditional query"],
    ["zh-hant", "乡村振兴", "Simplified query (table loaded)"],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on("response", (response) => {
      void response
        .body()
        .then((body) => sizes.set(new URL(response.url()).pathname, sentBytes(response.url(), body)))
        .catch(() => undefined);
    });
    await topTen(page, segment, query);
    await page.waitForTimeout(500);
    const group = (test: (file: string) => boolean) =>
      [...sizes].filter(([file]) => test(file)).reduce((sum, [, size]) => sum + size, 0);
    const page_ = group((file) => !file.startsWith("/pagefind/"));
    const runtime = group((file) => /\/pagefind\/[^/]+\/(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(file));
    const index = group(
      (file) =>
        /\/pagefind\/[^/]+\/(pagefind-entry|pagefind\.|index\/|fragment\/|filter\/)/.test(file) &&
        !/pagefind\.js$/.test(file),
    );
    const conversion = group((file) => /\/pagefind\/(search\.|convert-)/.test(file));
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    rows.push([segment, note, kb(page_), kb(runtime), kb(index), kb(conversion), kb(total), String(sizes.size)]);
    await context.close();
  }
  console.log("\nbytes fetched by a first search (KB, gzipped as a host would send them)");
  console.log(
    table(
      ["pages", "query", "search page", "Pagefind runtime", "index", "manifest + table", "total", "requests"],
      rows,
    ),
  );
}

function sentBytes(url: string, body: Buffer): number {
  // Pagefind's index, fragment and filter files are gzip streams already.
  if (/\.pf_(meta|index|fragment|filter)$/.test(url)) return body.length;
  return Math.min(body.length, gzipSync(body, { level: 6 }).length);
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function mean(numbers: number[]): number {
  return numbers.reduce((sum, n) => sum + n, 0) / Math.max(1, numbers.length);
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

try {
  await recall(browser);
  await firstSearchBytes(browser);
} finally {
  await browser.close();
  await server.close();
}
