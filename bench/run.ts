// npm run bench: build-time performance on the xwlb corpus. Prints figures; never passes
// or fails. What each figure means: docs/performance.md. Options: npm run bench -- --help
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { corpusSize, writeArchive, type ArchiveFacts } from "./perf/archives.ts";
import { HELP, MEDIAN_MAX_ARTICLES, parseOptions, type BenchOptions } from "./perf/args.ts";
import { formatChunks, measureChunks } from "./perf/chunks.ts";
import { formatDev, measureDev } from "./perf/dev.ts";
import { measureEntities } from "./entities.ts";
import { formatGrowth, measureGrowth } from "./perf/growth.ts";
import { formatFirstSearches, measureFirstSearches } from "./perf/first-search.ts";
import { formatLighthouse, measureLighthouse } from "./perf/lighthouse.ts";
import { launchBrowser } from "../tests/e2e/support/browser.ts";
import { serveSite } from "../tests/e2e/support/server.ts";
import { precompressSite } from "../src/lib/publish/precompress.ts";
import { formatParts, measureParts } from "./perf/parts.ts";
import { formatWeight, measureWeight } from "./perf/pageweight.ts";
import { formatRebuild, measureRebuild } from "./perf/rebuild.ts";
import { OUT, WORK } from "./perf/paths.ts";
import { count } from "./perf/format.ts";
import { formatPrecompress, measurePrecompress } from "./perf/precompress.ts";
import { knownItemQueries } from "./perf/known-items.ts";
import { formatRanking, measureRanking } from "./perf/ranking.ts";
import { buildSite } from "./perf/site.ts";
import { readXwlbItems, xwlbArticleId } from "./fixtures.ts";
import { formatScripts, measureScripts } from "./perf/scripts.ts";
import { formatSize, measureSize, type SizeResult } from "./perf/sizes.ts";
import { measureReferences } from "./references.ts";
import { formatSources, measureSources } from "./perf/sources.ts";

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const started = new Date();
const report: string[] = [
  `measured on ${started.toISOString().slice(0, 10)}, ${cpus().length}-core ${Math.round(totalmem() / 2 ** 30)} GiB shared machine, ` +
    `Node ${process.version}; medians over runs, ratios within a run`,
  "",
];
const emit = (lines: string[]): void => {
  console.log(`\n${lines.join("\n")}\n`);
  report.push(...lines, "");
};
const progress = (message: string): void => console.log(`· ${message}`);
const has = (section: BenchOptions["sections"][number]): boolean => options.sections.includes(section);

await rm(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const corpus = corpusSize();
const sizes = [...new Set(options.sizes.map((size) => (size === "all" ? corpus : size)))].sort((a, b) => a - b);
progress(`corpus: ${corpus} xwlb items; sizes ${sizes.join(", ")}; sections ${options.sections.join(", ")}`);

/** Runs one part of the benchmark; a failure is reported and the other parts still run. */
const section = async (name: string, work: () => Promise<string[]>): Promise<void> => {
  try {
    emit(await work());
  } catch (error) {
    emit([`${name}: FAILED: ${(error as Error).message}`]);
  }
};

// The site of the largest size stays for page weight and growth; smaller ones are removed.
let site: SizeResult | undefined;
const measure = async (size: number): Promise<string[]> => {
  const result = await measureSize(size, size <= MEDIAN_MAX_ARTICLES ? options.runs : 1, corpus, progress);
  if (site) await rm(site.runs[0]?.build.outDir ?? "", { recursive: true, force: true });
  site = result;
  return formatSize(result);
};
if (has("entities")) await section("entities", () => Promise.resolve(measureEntities()));
if (has("sizes")) for (const size of sizes) await section(`${size} articles`, () => measure(size));
const largest = sizes.at(-1);
if (
  !site &&
  (has("weight") || has("phone") || has("chunks") || has("lighthouse") || has("growth") || has("precompress")) &&
  largest
)
  await section(`${largest} articles`, () => measure(largest));

if (has("scripts"))
  await section("second script", async () => formatScripts(await measureScripts(options.runs, corpus, progress)));

const kept = site;
const keptBuild = kept?.runs.at(-1)?.build;
if (kept && keptBuild && has("weight")) {
  await section("page weight", async () => {
    progress("page weight in Chromium");
    return formatWeight(await measureWeight(keptBuild.outDir, kept.archive.medianId, kept.archive.longestId));
  });
}
if (kept && keptBuild && has("phone")) {
  await section("phone", async () => {
    progress("first searches on phone networks in Chromium");
    // Served compressed, as hosts send text: the site is precompressed for it (which the precompress section redoes).
    await precompressSite(keptBuild.outDir);
    const browser = await launchBrowser();
    const lines: string[] = [];
    try {
      for (const http of options.http) {
        const server = await serveSite(keptBuild.outDir, { compressed: true, http2: http === "2" });
        try {
          const results = await measureFirstSearches(browser, server.url, options.runs, progress);
          lines.push(...formatFirstSearches(kept.archive.articles, http, results));
        } finally {
          await server.close();
        }
      }
    } finally {
      await browser.close();
    }
    return lines;
  });
}
if (kept && keptBuild && has("chunks")) {
  await section("chunks", async () => {
    const browser = await launchBrowser();
    try {
      return formatChunks(
        kept.archive.articles,
        await measureChunks(kept.archive.dir, keptBuild.outDir, browser, progress),
      );
    } finally {
      await browser.close();
    }
  });
}
if (kept && keptBuild && has("lighthouse")) {
  await section("lighthouse", async () =>
    formatLighthouse(await measureLighthouse(keptBuild.outDir, kept.archive.medianId, progress)),
  );
}
if (kept && keptBuild && has("growth")) {
  const whole = { articles: kept.archive.articles, archiveDir: kept.archive.dir, build: keptBuild };
  await section("growth", async () => formatGrowth(await measureGrowth(whole, progress)));
}
// The largest size's archive, written once for parts and rebuild when the sizes section did not.
let written: ArchiveFacts | undefined;
const largestArchive = (size: number): ArchiveFacts =>
  kept?.archive ?? (written ??= writeArchive(path.join(WORK, `archive-${size}`), size, corpus));
if (has("parts") && largest) {
  await section("parts", async () => {
    const archive = largestArchive(largest);
    return formatParts(await measureParts(archive, options, progress));
  });
}
if (has("rebuild") && largest) {
  await section("rebuild", async () => {
    const archive = largestArchive(largest);
    return formatRebuild(await measureRebuild(archive.dir, archive.articles, progress));
  });
}
if (has("ranking") && largest) {
  await section("ranking", async () => {
    const archive = largestArchive(largest);
    if (archive.repeat > 1) return [`ranking: not measured past the corpus's size (its copies are the same articles)`];
    const items = readXwlbItems(archive.articles);
    progress(`ranking: known-item queries from ${count(items.length)} articles`);
    const { queries, drawn } = knownItemQueries(
      items.map((item) => ({ id: xwlbArticleId(item.day, item.index), title: item.title, html: item.html })),
      options.queries,
    );
    let outDir = keptBuild?.outDir;
    if (!outDir) {
      outDir = path.join(WORK, `site-${largest}`);
      progress(`ranking: building the site of ${count(archive.articles)} articles`);
      await buildSite({ archiveDir: archive.dir, outDir, progress });
    }
    const browser = await launchBrowser();
    try {
      return formatRanking(archive.articles, drawn, await measureRanking(outDir, queries, browser, progress));
    } finally {
      await browser.close();
    }
  });
}
if (has("references")) await section("references", measureReferences);
if (has("dev") && largest) {
  await section("dev", async () => formatDev(await measureDev(largestArchive(largest), progress)));
}
// Last: it adds files to the kept site.
if (keptBuild && has("precompress")) {
  await section("precompress", async () =>
    formatPrecompress(await measurePrecompress(keptBuild, options.runs, progress)),
  );
}

if (has("sources")) await section("sources", async () => formatSources(await measureSources(progress)));

const minutes = (Date.now() - started.getTime()) / 60_000;
report.push(`benchmark took ${minutes.toFixed(0)} min`);
const reportFile = path.join(OUT, `report-${started.toISOString().replace(/[:.]/g, "-")}.txt`);
writeFileSync(reportFile, `${report.join("\n")}\n`);
console.log(`\n==== report (also in ${path.relative(process.cwd(), reportFile)}) ====\n\n${report.join("\n")}`);

if (!options.keep) await rm(WORK, { recursive: true, force: true });
