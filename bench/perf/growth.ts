import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { IndexReport } from "../../src/lib/search/indexer.ts";
import type { SearchManifest } from "../../src/lib/search/manifest.ts";
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

/** The most pages indexed again as one index: one index of them takes about 6 GiB. */
const SINGLE_MAX_PAGES = 30_000;

/** What can be measured here of an archive built in pieces. */
export interface GrowthResult {
  year: { articles: number; build: SiteBuild };
  whole: { articles: number; build: SiteBuild };
  index: {
    /** The build's own index, in the shards every build cuts. */
    sharded: { shards: number; seconds: number; bytes: number; searches: PageWeight[] | undefined };
    /** The same pages indexed again as one index; none past SINGLE_MAX_PAGES. */
    single: { report: IndexReport; run: MeasuredRun; bytes: number; searches: PageWeight[] | undefined } | undefined;
  };
}

/**
 * Builds one year of the corpus alone, to compare with the whole archive's build, then
 * weighs a first search on the whole site's index, in the shards the build cut, against
 * the same pages indexed again as one index (what merging shards in the browser costs).
 * Changes the whole site's index.
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
  const sharded = {
    shards: shardCount(siteDir),
    seconds: whole.build.phases.search,
    bytes: whole.build.searchIndex.bytes,
    searches: await searchWeights(siteDir),
  };
  // Every article has a page in each script.
  const pages = 2 * whole.articles;
  let single: GrowthResult["index"]["single"];
  if (pages <= SINGLE_MAX_PAGES) {
    progress(`growth: indexing the whole site again as one index of ${count(pages)} pages`);
    let json = "";
    const run = await runMeasured(
      process.execPath,
      [TSX, path.join(ROOT, "bench/perf/reindex.ts"), whole.archiveDir, siteDir, String(pages)],
      {
        cwd: ROOT,
        onLine: (line) => {
          if (line.text.startsWith("{")) json = line.text;
        },
      },
    );
    if (run.status !== 0 || !json) throw new Error(`re-indexing failed (exit ${run.status}):\n${run.tail.join("\n")}`);
    single = {
      report: JSON.parse(json) as IndexReport,
      run,
      bytes: (await folderSize(path.join(siteDir, "pagefind"))).bytes,
      searches: await searchWeights(siteDir),
    };
  }
  return {
    year: { articles: yearArticles, build: yearBuild },
    whole: { articles: whole.articles, build: whole.build },
    index: { single, sharded },
  };
}

/** How many shards a built site's index has (in its Simplified manifest). */
function shardCount(siteDir: string): number {
  const manifest = JSON.parse(
    readFileSync(path.join(siteDir, "pagefind", "search.zh-hans.json"), "utf8"),
  ) as SearchManifest;
  return manifest.shards.length;
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
    `  search index of the whole site: the build's ${index.sharded.shards} shards vs one index, merged in the browser (mergeIndex)`,
    row(
      `indexing, ${index.sharded.shards} shards`,
      secs(index.sharded.seconds),
      `${mb(index.sharded.bytes)}; the build's search stage`,
    ),
  ];
  if (!index.single) {
    lines.push(`  one index: not made, more than ${count(SINGLE_MAX_PAGES)} pages`);
    return lines;
  }
  lines.push(
    row(
      "indexing, one index",
      secs(index.single.report.seconds),
      `${mb(index.single.bytes)}; peak ${gib(index.single.run.peakTreeBytes)} (process tree)`,
    ),
  );
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
