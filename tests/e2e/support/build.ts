import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ROOT } from "../../helpers/archive.ts";
import { maintainerEnv } from "./env.ts";

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
    env: { ...maintainerEnv(), ...env, ASTRO_TELEMETRY_DISABLED: "1" },
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

/** Astro's command-line program, run directly (not through npx) so that a signal reaches the build itself. */
const ASTRO = path.join(ROOT, "node_modules/astro/bin/astro.mjs");

/** A build running in the background, which a test can stop at a chosen moment. */
export interface RunningBuild {
  pid: number;
  /** Resolves once the build has printed `text` (the first line of one of its phases). */
  reached(text: string): Promise<void>;
  /** Sends a signal to the build and every process it started, as Ctrl-C does to a terminal's foreground. */
  kill(signal: NodeJS.Signals): void;
  /** The build's end: its status (null when a signal ended it) and what it printed. */
  done: Promise<BuildResult>;
}

/** Starts `astro build` as buildSite does, in a process group of its own, without waiting for it. */
export function startBuild(archiveDir: string, place: BuildPlace): RunningBuild {
  const started = performance.now();
  const child = spawn(process.execPath, [ASTRO, "build", "--outDir", place.outDir], {
    cwd: ROOT,
    env: {
      ...maintainerEnv(),
      ...place.env,
      ARCHIVE_DIR: archiveDir,
      ASTRO_CACHE_DIR: place.cacheDir,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting: { text: string; resolve: () => void }[] = [];
  const heard = (chunk: Buffer) => {
    output += stripVTControlCharacters(chunk.toString());
    for (const wait of waiting.filter((each) => output.includes(each.text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  };
  child.stdout.on("data", heard);
  child.stderr.on("data", heard);
  const done = new Promise<BuildResult>((resolve) =>
    child.on("close", (status) =>
      resolve({ status, output, outDir: place.outDir, seconds: (performance.now() - started) / 1000 }),
    ),
  );
  return {
    pid: child.pid as number,
    reached: (text) =>
      output.includes(text)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ text, resolve })),
            done.then((result) => {
              throw new Error(`the build ended (status ${String(result.status)}) before printing "${text}"`);
            }),
          ]),
    kill: (signal) => {
      try {
        process.kill(-(child.pid as number), signal);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    },
    done,
  };
}
