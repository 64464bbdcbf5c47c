import { readFileSync } from "node:fs";
import { link, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { DEFAULT_SHARD_PAGES } from "../../src/integrations/search.ts";
import { pageFacts } from "../../src/lib/search/page.ts";
import { pagefindBinary } from "../../src/lib/search/pagefind-cli.ts";
import { planShards, type PlannedPage } from "../../src/lib/search/shards.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";

/** The most pages Pagefind alone is given: one index of them takes about 6 GiB. */
const ALONE_MAX_PAGES = 30_000;

/** The article pages of a built site, as the search integration finds them. */
const ARTICLE_PAGES = "*/articles/*/index.html";

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
    ARTICLE_PAGES,
    "--output-path",
    outputPath,
    "--quiet",
  ]);
  await rm(outputPath, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`Pagefind alone failed:\n${run.tail.join("\n")}`);
  return run;
}

/** Pagefind's own program run once per search shard, one shard after another. */
export interface ShardsRun {
  shards: number;
  seconds: number;
  cpuSeconds: number;
}

/**
 * Pagefind's own program on the same pages cut into the shards a build cuts (the same plan
 * and shard size, SEARCH_SHARD_PAGES or the default), each shard's pages hard-linked into a
 * folder of its own as the build stages them (without the one-word anchor page per language
 * the build adds), run one shard after another. Against Pagefind alone it shows what
 * cutting the index costs Pagefind itself; against the search stage, what the stage adds
 * around Pagefind. Only for sites Pagefind alone is run on.
 */
export async function runPagefindOnShards(siteDir: string, pages: number): Promise<ShardsRun | undefined> {
  if (pages > ALONE_MAX_PAGES) return undefined;
  const files = await glob(ARTICLE_PAGES, { cwd: siteDir });
  const planned: (PlannedPage & { file: string })[] = files.map((file) => {
    const facts = pageFacts(readFileSync(path.join(siteDir, file), "utf8"));
    if ("missing" in facts) throw new Error(`${file}: has no ${facts.missing}`);
    return { file, url: `/${path.posix.dirname(file)}/`, sortValue: facts.sortValue, day: facts.day };
  });
  const capacity = Number(process.env["SEARCH_SHARD_PAGES"] || DEFAULT_SHARD_PAGES);
  const shards = planShards(planned, capacity);
  const work = path.join(path.dirname(siteDir), "pagefind-shards");
  const total = { shards: shards.length, seconds: 0, cpuSeconds: 0 };
  try {
    for (const shard of shards) {
      const stage = path.join(work, "stage");
      for (const page of shard.pages) {
        const to = path.join(stage, page.file);
        await mkdir(path.dirname(to), { recursive: true });
        await link(path.join(siteDir, page.file), to);
      }
      const run = await runMeasured(pagefindBinary(), [
        "--site",
        stage,
        "--glob",
        "**/index.html",
        "--output-path",
        path.join(work, "out"),
        "--quiet",
      ]);
      if (run.status !== 0) throw new Error(`Pagefind on shard ${shard.name} failed:\n${run.tail.join("\n")}`);
      total.seconds += run.seconds;
      total.cpuSeconds += run.cpuSeconds;
      await rm(work, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return total;
}
