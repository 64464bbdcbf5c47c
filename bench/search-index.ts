/**
 * Search indexing at scale: time and peak memory of Pagefind indexing the xwlb corpus in
 * both scripts.
 *
 *   npx tsx bench/search-index.ts                 real site builds of 2,000, 6,000 and all articles
 *   npx tsx bench/search-index.ts --sizes 2000    other sizes ("all" for the whole corpus)
 *   npx tsx bench/search-index.ts --large 9       the corpus 9 times over (~103,000 articles,
 *                                                 ~207,000 pages), indexing only, on pages
 *                                                 written from a template of the article page
 *   npx tsx bench/search-index.ts --site <dir>    indexing only, of a built site (or of the
 *                                                 pages an interrupted --large run left)
 *
 * Options: --runs N (indexing runs per size, default 3; the median is printed),
 * --shard-pages N (pages per index shard, default the integration's).
 * Each size is first built with `astro build` (which indexes too), then the indexing alone
 * is timed on the built site, with the peak resident memory (VmHWM, sampled every 100 ms)
 * of the Pagefind program of each shard and the peak of this Node process. Linux only (reads /proc).
 * Figures vary with machine load: compare ratios within one run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SHARD_PAGES } from "../src/integrations/search.ts";
import { createConverter, TO_HANS, TO_HANT } from "../src/lib/script/index.ts";
import { buildSearchIndex, type IndexReport } from "../src/lib/search/indexer.ts";
import { buildSite } from "../tests/e2e/support/build.ts";
import { readXwlbItems, writeXwlbArchive, xwlbArticleId, type XwlbItem } from "./fixtures.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "2000,6000,all" },
    large: { type: "string" },
    site: { type: "string" },
    runs: { type: "string", default: "3" },
    "shard-pages": { type: "string", default: String(DEFAULT_SHARD_PAGES) },
  },
});
const shardPages = Number(values["shard-pages"]);
const runs = Math.max(1, Number(values.runs));
const rules = { toHant: createConverter(TO_HANT).rules, toHans: createConverter(TO_HANS).rules };
const GIB = 1024 ** 3;

interface Measured {
  report: IndexReport;
  /** Largest peak resident memory of any shard's Pagefind process, in bytes. */
  pagefindPeak: number;
}

/** Indexes a built site once, sampling the peak memory of each shard's Pagefind program while it runs. */
async function measureIndexing(siteDir: string, log = false): Promise<Measured> {
  const peaks = new Map<string, number>();
  const samplers: NodeJS.Timeout[] = [];
  const report = await buildSearchIndex({
    siteDir,
    shardPages,
    rules,
    ...(log ? { log: (message: string) => console.log(`  ${message}`) } : {}),
    onPagefind: (pid, shard) => {
      const sample = () => peaks.set(shard, Math.max(peaks.get(shard) ?? 0, peakMemory(pid)));
      samplers.push(setInterval(sample, 100));
    },
  });
  for (const sampler of samplers) clearInterval(sampler);
  if (log)
    for (const [shard, peak] of peaks) console.log(`  shard ${shard}: Pagefind peak ${(peak / GIB).toFixed(2)} GiB`);
  return { report, pagefindPeak: Math.max(0, ...peaks.values()) };
}

/** VmHWM (the peak resident memory so far) of a running process, or 0 once it has ended. */
function peakMemory(pid: number): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(hwm ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function realSizes(): Promise<void> {
  const all = readXwlbItems().length;
  const sizes = (values.sizes ?? "").split(",").map((size) => (size === "all" ? all : Number(size)));
  const rows: string[][] = [];
  let first: { perPage: number; perPageMemory: number } | undefined;
  for (const size of sizes) {
    const archive = mkdtempSync(path.join(tmpdir(), "bench-search-"));
    const articles = writeXwlbArchive(archive, { limit: size }).length;
    console.log(`\n${articles} articles: astro build…`);
    const built = buildSite(archive);
    if (built.status !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
    console.log(`  built in ${built.seconds.toFixed(0)} s (pages and search index)`);
    const measured: Measured[] = [];
    for (let run = 0; run < runs; run++) measured.push(await measureIndexing(built.outDir, run === 0));
    const pages = Object.values(measured[0]?.report.pages ?? {}).reduce((sum, count) => sum + count, 0);
    const seconds = median(measured.map((m) => m.report.seconds));
    const peak = median(measured.map((m) => m.pagefindPeak));
    const nodePeak = process.resourceUsage().maxRSS * 1024;
    first ??= { perPage: seconds / pages, perPageMemory: peak / pages };
    rows.push([
      String(articles),
      String(pages),
      seconds.toFixed(1),
      ((seconds / pages) * 1000).toFixed(2),
      (peak / GIB).toFixed(2),
      (peak / pages / 1024 ** 2).toFixed(3),
      (nodePeak / GIB).toFixed(2),
      (seconds / pages / first.perPage).toFixed(2),
    ]);
    console.log(
      `  indexing: median ${seconds.toFixed(1)} s of ${runs} run(s), Pagefind peak ${(peak / GIB).toFixed(2)} GiB`,
    );
    rmSync(path.dirname(built.outDir), { recursive: true, force: true });
    rmSync(archive, { recursive: true, force: true });
  }
  console.log(`\nshard capacity ${shardPages} pages; times are medians of ${runs} indexing run(s)`);
  console.log(
    table(
      ["articles", "pages", "index s", "ms/page", "Pagefind peak GiB", "MiB/page", "Node peak GiB", "ms/page ratio"],
      rows,
    ),
  );
}

/**
 * Writes article pages for the corpus repeated `repeat` times (the ids and days of
 * writeXwlbArchive), in both scripts, with the markup the article page gives the indexer:
 * the headline and body marked data-pagefind-body, the date sort, the result metadata and
 * the filters. The Traditional page is converted with the project's converter.
 */
function writeTemplatePages(siteDir: string, items: readonly XwlbItem[], repeat: number): number {
  const toHant = createConverter(TO_HANT);
  const hant = items.map((item) => ({ title: toHant.convert(item.title), html: toHant.convert(item.html) }));
  let pages = 0;
  for (let copy = 0; copy < repeat; copy++) {
    items.forEach((item, i) => {
      const day = shiftDay(item.day, -copy * 1096);
      const id = xwlbArticleId(day, item.index);
      for (const [segment, lang, title, html, source] of [
        ["zh-hans", "zh-Hans", item.title, item.html, "央视网"],
        ["zh-hant", "zh-Hant", hant[i]?.title ?? "", hant[i]?.html ?? "", "央視網"],
      ] as const) {
        const dir = path.join(siteDir, segment, "articles", id);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "index.html"), articlePage(lang, title, html, day, source));
        pages++;
      }
    });
  }
  return pages;
}

function articlePage(lang: string, title: string, html: string, day: string, source: string): string {
  const sort = new Date(`${day}T00:00:00+08:00`).toISOString();
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<header class="site-header"><a href="/">政策与新闻文献库</a></header><main id="main"><article>` +
    `<header class="headline" data-pagefind-body><h1>${title}</h1></header>` +
    `<table class="doc-meta"><tr><th>来源</th><td>${source}</td></tr><tr><th>发布时间</th><td>${day}</td></tr></table>` +
    `<div class="article-body" data-pagefind-body>${html}</div>` +
    `<span hidden data-pagefind-sort="date:${sort}" data-pagefind-meta="date:${day}"></span>` +
    `<span hidden data-pagefind-meta="source:${source}"></span><span hidden data-pagefind-filter="source:${source}"></span>` +
    `<span hidden data-pagefind-filter="year:${day.slice(0, 4)}"></span></article></main></body></html>`
  );
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function largeRun(repeat: number): Promise<void> {
  const siteDir = mkdtempSync(path.join(tmpdir(), "bench-search-large-"));
  const items = readXwlbItems();
  const started = performance.now();
  const pages = writeTemplatePages(siteDir, items, repeat);
  console.log(
    `${items.length * repeat} articles (${pages} pages) written in ${((performance.now() - started) / 1000).toFixed(0)} s to ${siteDir}`,
  );
  await indexOnly(siteDir);
  rmSync(siteDir, { recursive: true, force: true });
}

/** Indexes a site folder once, printing what it took. */
async function indexOnly(siteDir: string): Promise<void> {
  console.log(`indexing ${siteDir} with shards of ${shardPages} pages…`);
  const { report, pagefindPeak } = await measureIndexing(siteDir, true);
  const indexed = Object.values(report.pages).reduce((sum, count) => sum + count, 0);
  console.log(
    `indexed ${indexed} pages in ${report.shards.length} shard(s): ${report.seconds.toFixed(0)} s in all ` +
      `(${((report.seconds / indexed) * 1000).toFixed(2)} ms/page); largest Pagefind peak ${(pagefindPeak / GIB).toFixed(2)} GiB; ` +
      `Node peak ${((process.resourceUsage().maxRSS * 1024) / GIB).toFixed(2)} GiB`,
  );
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

if (values.site) await indexOnly(values.site);
else if (values.large) await largeRun(Number(values.large));
else await realSizes();
