import { rm } from "node:fs/promises";
import path from "node:path";
import { pagefindBinary } from "../../src/lib/search/pagefind-cli.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";

/** The most pages Pagefind alone is given: one index of them takes about 6 GiB. */
const ALONE_MAX_PAGES = 30_000;

/**
 * Pagefind's own program, run by hand on a built site's article pages as a user of
 * Pagefind would (`pagefind --site dist --glob "*\/articles/*\/index.html"`): the speed the
 * search stage of a build is compared with. Only for sites of up to ALONE_MAX_PAGES, since
 * the program makes one index of all the pages it is given.
 */
export async function runPagefindAlone(siteDir: string, pages: number): Promise<MeasuredRun | undefined> {
  if (pages > ALONE_MAX_PAGES) return undefined;
  const outputPath = path.join(path.dirname(siteDir), "pagefind-alone");
  const run = await runMeasured(pagefindBinary(), [
    "--site",
    siteDir,
    "--glob",
    "*/articles/*/index.html",
    "--output-path",
    outputPath,
    "--quiet",
  ]);
  await rm(outputPath, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`Pagefind alone failed:\n${run.tail.join("\n")}`);
  return run;
}
