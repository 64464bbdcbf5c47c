import { rm } from "node:fs/promises";
import path from "node:path";
import { folderSize, type FolderSize } from "./files.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";
import { ASTRO, ROOT } from "./paths.ts";
import { BuildLogReader, type BuildLog } from "./phases.ts";

/** One measured `astro build` of an archive. */
export interface SiteBuild extends BuildLog {
  run: MeasuredRun;
  outDir: string;
  output: FolderSize;
  /** The search bundles (dist/pagefind). */
  searchIndex: FolderSize;
}

/** Options for buildSite. */
export interface SiteBuildOptions {
  archiveDir: string;
  outDir: string;
  /** Extra environment (ARCHIVE_SCRIPTS, SEARCH_SHARD_PAGES). */
  env?: Record<string, string>;
  /** A cache folder kept before and after the build, for rebuilds; by default a cold cache, removed afterwards. */
  cacheDir?: string;
  /** Build into the site folder as the last build left it (a rebuild); by default it is removed first. */
  keepOutDir?: boolean;
  /** Progress messages: the build's own lines, except the one line per route. */
  progress?: (message: string) => void;
}

/** How many route lines pass between two progress messages. */
const ROUTE_PROGRESS_EVERY = 5000;

/**
 * Builds an archive the way a maintainer does (`astro build`), from a cold cache unless
 * given one to keep, and measures it. Throws with the end of the build's output when the
 * build fails.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuild> {
  const cacheDir = options.cacheDir ?? `${options.outDir}-cache`;
  if (!options.keepOutDir) await rm(options.outDir, { recursive: true, force: true });
  if (options.cacheDir === undefined) await rm(cacheDir, { recursive: true, force: true });
  const reader = new BuildLogReader();
  const progress = options.progress ?? (() => undefined);
  let routes = 0;
  const run = await runMeasured(process.execPath, [ASTRO, "build", "--outDir", options.outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...options.env,
      ARCHIVE_DIR: options.archiveDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    onLine: (line) => {
      if (!reader.read(line)) {
        // Astro starts its lines with the wall-clock time; ours is the time since the start.
        const text = line.text.replace(/^\d\d:\d\d:\d\d /, "").trim();
        if (text) progress(`[${line.seconds.toFixed(1).padStart(6)} s] ${text}`);
      } else if (++routes % ROUTE_PROGRESS_EVERY === 0) {
        progress(`[${line.seconds.toFixed(1).padStart(6)} s] ${routes} routes rendered`);
      }
    },
  });
  if (options.cacheDir === undefined) await rm(cacheDir, { recursive: true, force: true });
  if (run.status !== 0) {
    throw new Error(`astro build of ${options.archiveDir} failed (exit ${run.status}):\n${run.tail.join("\n")}`);
  }
  return {
    ...reader.result(run.seconds),
    run,
    outDir: options.outDir,
    output: await folderSize(options.outDir),
    searchIndex: await folderSize(path.join(options.outDir, "pagefind")),
  };
}
