import { rm } from "node:fs/promises";
import path from "node:path";
import { writeArchive } from "./archives.ts";
import { count, gib, median, row, secs, times } from "./format.ts";
import { WORK } from "./paths.ts";
import { buildSite, type SiteBuild } from "./site.ts";

/** Articles in the second-script comparison (issue 4 asks for 2,000). */
export const SCRIPTS_SIZE = 2000;

/** Builds of the same archive with article pages in both scripts and in the original only. */
export interface ScriptsResult {
  articles: number;
  pairs: { both: SiteBuild; original: SiteBuild }[];
}

/**
 * Builds the same archive in both scripts and with ARCHIVE_SCRIPTS=original, `runs`
 * times each, alternating which goes first so that drift in the shared machine's load
 * falls on both alike.
 */
export async function measureScripts(
  runs: number,
  corpus: number,
  progress: (message: string) => void,
): Promise<ScriptsResult> {
  const archive = writeArchive(path.join(WORK, `archive-${SCRIPTS_SIZE}`), SCRIPTS_SIZE, corpus);
  const outDir = path.join(WORK, "site-scripts");
  const pairs: ScriptsResult["pairs"] = [];
  const build = async (scripts: "both" | "original", run: number): Promise<SiteBuild> => {
    progress(`second script, run ${run} of ${runs}: ${scripts === "both" ? "both scripts" : "original script only"}`);
    const result = await buildSite({ archiveDir: archive.dir, outDir, env: { ARCHIVE_SCRIPTS: scripts }, progress });
    progress(`  ${secs(result.run.seconds)}, peak ${gib(result.run.peakTreeBytes)}`);
    return result;
  };
  for (let run = 1; run <= runs; run++) {
    if (run % 2 === 1) {
      const original = await build("original", run);
      pairs.push({ original, both: await build("both", run) });
    } else {
      const both = await build("both", run);
      pairs.push({ both, original: await build("original", run) });
    }
  }
  await rm(outDir, { recursive: true, force: true });
  return { articles: archive.articles, pairs };
}

/** The report block: each figure as both scripts ÷ original only, median over the pairs. */
export function formatScripts(result: ScriptsResult): string[] {
  type Pick = (build: SiteBuild) => number;
  const ratio = (pick: Pick): string =>
    times(median(result.pairs.map((pair) => pick(pair.both) / pick(pair.original))));
  const both = (pick: Pick): string => secs(median(result.pairs.map((pair) => pick(pair.both))));
  const original = (pick: Pick): string => secs(median(result.pairs.map((pair) => pick(pair.original))));
  const line = (label: string, pick: Pick): string =>
    row(label, ratio(pick), `both ${both(pick)}, original only ${original(pick)}`);
  return [
    `second script: ${count(result.articles)} articles, both scripts ÷ original script only (ARCHIVE_SCRIPTS=original), ` +
      `median of ${result.pairs.length} pair(s)`,
    line("total build", (build) => build.run.seconds),
    line("  page generation", (build) => build.phases.generation),
    line("  search indexing", (build) => build.phases.search),
    row(
      "peak memory",
      times(median(result.pairs.map((pair) => pair.both.run.peakTreeBytes / pair.original.run.peakTreeBytes))),
      `both ${gib(median(result.pairs.map((p) => p.both.run.peakTreeBytes)))}, original only ${gib(median(result.pairs.map((p) => p.original.run.peakTreeBytes)))}`,
    ),
    row(
      "pages written",
      times(median(result.pairs.map((pair) => pair.both.pagesBuilt / pair.original.pagesBuilt))),
      `both ${count(result.pairs[0]?.both.pagesBuilt ?? 0)}, original only ${count(result.pairs[0]?.original.pagesBuilt ?? 0)}`,
    ),
  ];
}
