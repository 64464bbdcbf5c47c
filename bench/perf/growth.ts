import { rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { IndexReport } from "../../src/lib/search/indexer.ts";
import { launchBrowser } from "../../tests/e2e/support/browser.ts";
import { serveSite } from "../../tests/e2e/support/server.ts";
import { writeYearArchive } from "./archives.ts";
import { folderSize } from "./files.ts";
import { count, gib, kb, mb, row, secs, times } from "./format.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";
import { weighSearches } from "./pageweight.ts";
import { ROOT, TSX, WORK } from "./paths.ts";
import { buildSite, type SiteBuild } from "./site.ts";
import type { PageWeight } from "./weight.ts";

/** The year built alone: the corpus's one complete year. */
export const SHARD_YEAR = "2023";

/** Shards the whole site's search index is split into, about one per year of the corpus. */
const INDEX_SHARDS = 3;

/** What can be measured here of an archive built in pieces. */
export interface GrowthResult {
  year: { articles: number; build: SiteBuild };
  whole: { articles: number; build: SiteBuild };
  index: {
    single: { seconds: number; bytes: number; searches: PageWeight[] | undefined };
    sharded: {
      shards: number;
      report: IndexReport;
      run: MeasuredRun;
      bytes: number;
      searches: PageWeight[] | undefined;
    };
  };
}

/**
 * Builds one year of the corpus alone, to compare with the whole archive's build, then
 * splits the whole site's search index into shards (what merging per-year indexes in the
 * browser costs) and weighs a first search against each. Changes the whole site's index.
 */
export async function measureGrowth(
  whole: { articles: number; archiveDir: string; build: SiteBuild },
  progress: (message: string) => void,
): Promise<GrowthResult> {
  progress(`growth: building ${SHARD_YEAR} alone`);
  const yearArchive = path.join(WORK, `archive-${SHARD_YEAR}`);
  const yearArticles = writeYearArchive(yearArchive, SHARD_YEAR);
  const yearOut = path.join(WORK, `site-${SHARD_YEAR}`);
  const yearBuild = await buildSite({ archiveDir: yearArchive, outDir: yearOut, progress });
  await rm(yearOut, { recursive: true, force: true });

  const siteDir = whole.build.outDir;
  const single = {
    seconds: whole.build.phases.search,
    bytes: whole.build.searchIndex.bytes,
    searches: await searchWeights(siteDir),
  };
  // Every article has a page in each script.
  const shardPages = Math.ceil((2 * whole.articles) / INDEX_SHARDS);
  progress(`growth: indexing the whole site again in shards of at most ${count(shardPages)} pages`);
  let json = "";
  const run = await runMeasured(
    process.execPath,
    [TSX, path.join(ROOT, "bench/perf/reindex.ts"), whole.archiveDir, siteDir, String(shardPages)],
    {
      cwd: ROOT,
      onLine: (line) => {
        if (line.text.startsWith("{")) json = line.text;
      },
    },
  );
  if (run.status !== 0 || !json) throw new Error(`re-indexing failed (exit ${run.status}):\n${run.tail.join("\n")}`);
  const report = JSON.parse(json) as IndexReport;
  const sharded = {
    shards: report.shards.length,
    report,
    run,
    bytes: (await folderSize(path.join(siteDir, "pagefind"))).bytes,
    searches: await searchWeights(siteDir),
  };
  return {
    year: { articles: yearArticles, build: yearBuild },
    whole: { articles: whole.articles, build: whole.build },
    index: { single, sharded },
  };
}

async function searchWeights(siteDir: string): Promise<PageWeight[] | undefined> {
  const server = await serveSite(siteDir);
  const browser: Browser = await launchBrowser();
  try {
    return await weighSearches(siteDir, server.url, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report block. */
export function formatGrowth(result: GrowthResult): string[] {
  const { year, whole, index } = result;
  const perArticle = (articles: number, build: SiteBuild): string =>
    `${((build.run.seconds / articles) * 1000).toFixed(1)} ms and ${((build.run.peakTreeBytes / articles) * 1e-3).toFixed(0)} KB peak per article`;
  const lines = [
    `growth: one year built alone vs the whole archive (1 run each)`,
    row(
      `${SHARD_YEAR} alone`,
      secs(year.build.run.seconds),
      `${count(year.articles)} articles, peak ${gib(year.build.run.peakTreeBytes)}; ${perArticle(year.articles, year.build)}`,
    ),
    row(
      "whole archive",
      secs(whole.build.run.seconds),
      `${count(whole.articles)} articles, peak ${gib(whole.build.run.peakTreeBytes)}; ${perArticle(whole.articles, whole.build)}`,
    ),
    row(
      "time, year ÷ whole",
      times(year.build.run.seconds / whole.build.run.seconds),
      `articles ${times(year.articles / whole.articles)}`,
    ),
    row("peak, year ÷ whole", times(year.build.run.peakTreeBytes / whole.build.run.peakTreeBytes)),
    `  search index of the whole site: one index vs ${index.sharded.shards} shards merged in the browser (mergeIndex)`,
    row("indexing, one index", secs(index.single.seconds), mb(index.single.bytes)),
    row(
      `indexing, ${index.sharded.shards} shards`,
      secs(index.sharded.report.seconds),
      `${mb(index.sharded.bytes)}; peak ${gib(index.sharded.run.peakTreeBytes)} (process tree); ` +
        index.sharded.report.shards.map((shard) => `${count(shard.pages)} pages ${secs(shard.seconds)}`).join(", "),
    ),
  ];
  const single = index.single.searches;
  const sharded = index.sharded.searches;
  if (!single || !sharded) {
    lines.push("  first search: the site has no search page yet");
    return lines;
  }
  single.forEach((one, i) => {
    const many = sharded[i];
    if (!many) return;
    lines.push(
      row(
        `search ${searchLabel(one.path)}`,
        times(many.gzipBytes / one.gzipBytes),
        `sharded ÷ one index: ${kb(many.gzipBytes)} vs ${kb(one.gzipBytes)} gzipped, ${many.fetched.length} vs ${one.fetched.length} requests, ` +
          `${count(many.ms)} vs ${count(one.ms)} ms to the first result`,
      ),
    );
  });
  return lines;
}

/** "zh-hant 乡村振兴" for /zh-hant/search/?q=…: the page's script, the query and any order other than relevance. */
function searchLabel(pagePath: string): string {
  const url = new URL(pagePath, "http://localhost");
  const sort = url.searchParams.get("sort");
  return `${url.pathname.split("/")[1] ?? ""} ${url.searchParams.get("q") ?? ""}${sort ? ` ${sort}` : ""}`;
}
