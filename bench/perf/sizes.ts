import { rm } from "node:fs/promises";
import path from "node:path";
import { writeArchive, type ArchiveFacts } from "./archives.ts";
import { runFloor, type FloorRun } from "./floor-run.ts";
import { count, gib, mb, median, row, secs, times } from "./format.ts";
import { hostLines } from "./hosts.ts";
import type { MeasuredRun, ProgramUse } from "./measure.ts";
import { runPagefindAlone, runPagefindOnShards, type ShardsRun } from "./pagefind-cli.ts";
import { WORK } from "./paths.ts";
import { buildSite, type SiteBuild } from "./site.ts";

/** One build of an archive and the floor for the same archive, run back to back. */
export interface SizeRun {
  build: SiteBuild;
  floor: FloorRun;
  /** Pagefind's own program on the same article pages, when the site has one search shard. */
  pagefindAlone: MeasuredRun | undefined;
  /** The same program on the same pages in the build's shards, one after another, when it runs alone too. */
  pagefindShards: ShardsRun | undefined;
}

/** Every run at one archive size. */
export interface SizeResult {
  archive: ArchiveFacts;
  runs: SizeRun[];
}

/** Route families listed in the report, slowest first. */
const ROUTE_FAMILIES_SHOWN = 6;

/**
 * Builds an archive of `size` articles `runs` times, each time with the floor before it.
 * The last run's site is kept (the caller removes it) for page weight and growth.
 */
export async function measureSize(
  size: number,
  runs: number,
  corpus: number,
  progress: (message: string) => void,
): Promise<SizeResult> {
  progress(`writing an archive of ${count(size)} articles`);
  const archive = writeArchive(path.join(WORK, `archive-${size}`), size, corpus);
  const results: SizeRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const label = `${count(archive.articles)} articles, run ${run} of ${runs}`;
    progress(`${label}: floor`);
    const floorDir = path.join(WORK, `floor-${size}`);
    const floor = await runFloor(archive.dir, floorDir);
    await rm(floorDir, { recursive: true, force: true });
    progress(`${label}: floor ${secs(floor.times.seconds)}; astro build`);
    const outDir = path.join(WORK, `site-${size}`);
    const build = await buildSite({ archiveDir: archive.dir, outDir, progress });
    progress(`${label}: build ${secs(build.run.seconds)}, peak ${gib(build.run.peakTreeBytes)}; Pagefind alone`);
    const pagefindAlone = await runPagefindAlone(outDir, archive.articles * 2);
    progress(`${label}: Pagefind on the build's shards`);
    const pagefindShards = await runPagefindOnShards(outDir, archive.articles * 2);
    results.push({ build, floor, pagefindAlone, pagefindShards });
  }
  return { archive, runs: results };
}

/** The report block of one size: medians over its runs, ratios within each run. */
export function formatSize(result: SizeResult): string[] {
  const { runs } = result;
  const m = (pick: (run: SizeRun) => number): number => median(runs.map(pick));
  const typical = runs.find((run) => run.build.run.seconds === m((r) => r.build.run.seconds)) ?? runs[0];
  if (!typical) return [];
  const build = typical.build;
  const total = m((r) => r.build.run.seconds);
  const articles = result.archive.articles;
  const floorParts = (["read", "parse", "convert", "serialize", "write"] as const)
    .map((step) => `${step} ${m((r) => r.floor.times[step]).toFixed(1)}`)
    .join(", ");
  const families = [...build.routeSeconds.entries()].sort((a, b) => b[1] - a[1]);
  const loads = runs.flatMap((run) => run.build.run.load);
  const lines = [
    `${count(articles)} articles${result.archive.repeat > 1 ? ` (the corpus ${result.archive.repeat} times under distinct ids and days)` : ""}, ` +
      `${runs.length === 1 ? "1 run" : `median of ${runs.length} runs`}; load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
    row("total build", secs(total), `${(articles / total).toFixed(1)} articles/s`),
    row("  startup", secs(m((r) => r.build.phases.startup))),
    row("  content loading", secs(m((r) => r.build.phases.content)), `loader ${secs(m((r) => r.build.phases.loader))}`),
    row("  bundling", secs(m((r) => r.build.phases.bundling))),
    row(
      "  page generation",
      secs(m((r) => r.build.phases.generation)),
      `article pages ${secs(m((r) => articleSeconds(r.build, "hans") + articleSeconds(r.build, "hant")))}`,
    ),
    row(
      "    conversion",
      secs(m((r) => r.floor.times.convert)),
      `in the floor; zh-hant article pages took ${secs(m((r) => articleSeconds(r.build, "hant") - articleSeconds(r.build, "hans")))} more than zh-hans`,
    ),
    row(
      "  search indexing",
      secs(m((r) => r.build.phases.search)),
      `Pagefind step reports ${secs(m((r) => r.build.searchReported))}`,
    ),
    ...pagefindAloneRows(runs),
    row(
      "  downloads",
      secs(m((r) => r.build.phases.downloads)),
      "citation and source files, written before search indexing",
    ),
    row("  other hooks, exit", secs(m((r) => r.build.phases.afterwards))),
    row(
      "peak memory",
      gib(m((r) => r.build.run.peakTreeBytes)),
      `process tree; largest process ${gib(m((r) => r.build.run.peakProcessBytes))}`,
    ),
    row(
      "CPU time",
      secs(m((r) => r.build.run.cpuSeconds)),
      `user + system, whole process tree; floor ${secs(m((r) => r.floor.times.cpu))}`,
    ),
    `    by program: ${byProgram(build.run.programs)}`,
    row("pages written", count(build.output.html), `HTML pages; ${count(build.routes)} routes with the data files`),
    row(
      "output",
      mb(build.output.bytes),
      `${count(build.output.files)} files, ${(build.output.files / articles).toFixed(2)} an article`,
    ),
    row("search index", mb(build.searchIndex.bytes), `${count(build.searchIndex.files)} files`),
    `    largest archive per host at ${(build.output.bytes / articles / 1024).toFixed(1)} KiB an article:`,
    ...hostLines(articles, build.output.files, build.output.bytes),
    row(
      "floor",
      secs(m((r) => r.floor.times.seconds)),
      `${floorParts}; peak ${gib(m((r) => r.floor.run.peakTreeBytes))}`,
    ),
    row(
      "build ÷ floor",
      times(m((r) => r.build.run.seconds / r.floor.times.seconds)),
      `without search indexing ${times(m((r) => (r.build.run.seconds - r.build.phases.search) / r.floor.times.seconds))}`,
    ),
    row("build ÷ floor, CPU", times(m((r) => r.build.run.cpuSeconds / r.floor.times.cpu))),
    `  slowest route families (sums of Astro's per-route times; four pages render at once, so they overlap):`,
    ...families
      .slice(0, ROUTE_FAMILIES_SHOWN)
      .map(([family, seconds]) => `    ${family.padEnd(34)}${secs(seconds).padStart(10)}`),
    `    ${"all others".padEnd(34)}${secs(families.slice(ROUTE_FAMILIES_SHOWN).reduce((sum, [, s]) => sum + s, 0)).padStart(10)}`,
  ];
  return lines;
}

/**
 * The search stage against Pagefind's own program on the same pages, run after the build:
 * as one index, and in the build's shards, which splits the ratio into what cutting the
 * index costs Pagefind and what the stage does around it.
 */
function pagefindAloneRows(runs: readonly SizeRun[]): string[] {
  const alone = runs.flatMap((run) =>
    run.pagefindAlone ? [{ build: run.build, alone: run.pagefindAlone, shards: run.pagefindShards }] : [],
  );
  if (alone.length === 0)
    return [row("    Pagefind alone", "-", "not run: more pages than one index of Pagefind alone holds (30,000)")];
  const sharded = alone.flatMap((pair) => (pair.shards ? [{ ...pair, shards: pair.shards }] : []));
  return [
    row(
      "    Pagefind alone",
      secs(median(alone.map((pair) => pair.alone.seconds))),
      `pagefind --site dist --glob "*/articles/*/index.html"; peak ${gib(median(alone.map((pair) => pair.alone.peakTreeBytes)))}`,
    ),
    row(
      "    search ÷ alone",
      times(median(alone.map((pair) => pair.build.phases.search / pair.alone.seconds))),
      "the search stage (reading pages, vocabulary, Pagefind, query tables) over Pagefind alone",
    ),
    row(
      "    Pagefind CPU ÷ alone",
      times(median(alone.map((pair) => pagefindCpu(pair.build.run) / pagefindCpu(pair.alone)))),
      "CPU seconds of Pagefind's program in the build over alone: steadier than wall time on a busy machine",
    ),
    ...(sharded.length === 0
      ? []
      : [
          row(
            "    Pagefind on shards",
            secs(median(sharded.map((pair) => pair.shards.seconds))),
            `the same program on the build's ${count(sharded[0]?.shards.shards ?? 0)} shard(s), one after another`,
          ),
          row(
            "      shards ÷ alone",
            times(median(sharded.map((pair) => pair.shards.seconds / pair.alone.seconds))),
            `what cutting the index costs Pagefind itself (CPU ${times(median(sharded.map((pair) => pair.shards.cpuSeconds / pagefindCpu(pair.alone))))})`,
          ),
          row(
            "      search ÷ shards",
            times(median(sharded.map((pair) => pair.build.phases.search / pair.shards.seconds))),
            "what the search stage adds around Pagefind on the same shards",
          ),
        ]),
  ];
}

/** CPU seconds of the Pagefind processes of a run. */
function pagefindCpu(run: MeasuredRun): number {
  return [...run.programs.entries()]
    .filter(([name]) => name.startsWith("pagefind"))
    .reduce((sum, [, use]) => sum + use.cpuSeconds, 0);
}

/** Seconds Astro spent rendering the article pages of one script. */
function articleSeconds(build: SiteBuild, script: "hans" | "hant"): number {
  return build.routeSeconds.get(`/zh-${script}/articles/[id]`) ?? 0;
}

/** Peak memory and CPU of each program in a build's process tree that used a noticeable share. */
export function byProgram(programs: Map<string, ProgramUse>): string {
  return [...programs.entries()]
    .filter(([, use]) => use.cpuSeconds >= 1 || use.peakBytes >= 2 ** 26)
    .sort((a, b) => b[1].cpuSeconds - a[1].cpuSeconds)
    .map(([name, use]) => `${name} ${secs(use.cpuSeconds)} CPU, peak ${gib(use.peakBytes)}`)
    .join("; ");
}
