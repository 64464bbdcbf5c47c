import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ROOT } from "../../helpers/archive.ts";

/** The outcome of one site build. */
export interface BuildResult {
  status: number | null;
  /** What the build printed, without terminal colours (Astro colours its log when CI is set). */
  output: string;
  outDir: string;
  seconds: number;
}

/** Where a build writes: by default a fresh temporary folder with a cache of its own. */
export interface BuildPlace {
  outDir: string;
  cacheDir: string;
  /** Extra environment (SEARCH_SHARD_PAGES). */
  env?: Record<string, string>;
}

/** A fresh output folder and cache, for a build that shares nothing with any other. */
export function freshPlace(): BuildPlace {
  const work = mkdtempSync(path.join(tmpdir(), "site-"));
  return { outDir: path.join(work, "dist"), cacheDir: path.join(work, "cache") };
}

/**
 * Builds the site from an archive folder the way a maintainer does (`astro build`), by
 * default into a fresh temporary folder with its own cache so test builds never share
 * state; given the place of an earlier build, it rebuilds there, reusing its cache.
 */
export function buildSite(archiveDir: string, place: BuildPlace = freshPlace()): BuildResult {
  return runBuild(["astro", "build", "--outDir", place.outDir], place.outDir, {
    ...place.env,
    ARCHIVE_DIR: archiveDir,
    ASTRO_CACHE_DIR: place.cacheDir,
  });
}

/**
 * Runs the command that builds a site in parts (`npm run build:plan`, `build:part`,
 * `build:assemble`: src/cli/parts.ts) in a process of its own, with the parts, the caches
 * and the joined site (in the folder named `out`) under `work`.
 */
export function runParts(
  archiveDir: string,
  work: string,
  args: string[],
  env: Record<string, string> = {},
  out = "dist",
): BuildResult {
  const outDir = path.join(work, out);
  return runBuild(["tsx", "src/cli/parts.ts", ...args, "--parts", path.join(work, "parts"), "--out", outDir], outDir, {
    ...env,
    ARCHIVE_DIR: archiveDir,
    ASTRO_CACHE_DIR: path.join(work, "cache"),
  });
}

/** Runs one build command (`npx <args>`) from the project folder, timed, with its output. */
function runBuild(args: string[], outDir: string, env: Record<string, string | undefined>): BuildResult {
  const started = performance.now();
  const result = spawnSync("npx", args, {
    cwd: ROOT,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(`${result.stdout}${result.stderr}`),
    outDir,
    seconds: (performance.now() - started) / 1000,
  };
}
