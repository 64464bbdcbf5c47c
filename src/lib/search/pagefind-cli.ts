import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";

/**
 * Running Pagefind's own program on a folder of pages. The program indexes a folder in
 * parallel and was measured 1.2-1.6 times faster than the same pages fed through the
 * Node API (docs/search.md, "Indexing at Pagefind's own speed"), for the same files.
 */

const require = createRequire(import.meta.url);

/** The package of Pagefind's program for this machine, installed with the pagefind package. */
function binaryPackage(): string {
  return `@pagefind/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
}

/** The path of the extended Pagefind program (the one that segments Chinese). */
export function pagefindBinary(): string {
  const name = platform() === "win32" ? "pagefind_extended.exe" : "pagefind_extended";
  try {
    return require.resolve(`${binaryPackage()}/bin/${name}`);
  } catch (error) {
    throw new Error(
      `the extended Pagefind program for this machine is not installed (${binaryPackage()}): run npm ci`,
      { cause: error },
    );
  }
}

/** The version of Pagefind's program. */
export function pagefindVersion(): string {
  return (require(`${binaryPackage()}/package.json`) as { version: string }).version;
}

/** Pagefind's own setting of the postings per word chunk (its default: 20,000). */
export const CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/**
 * Postings per word chunk, chosen by measurement (docs/search.md, "Word chunks"): on the
 * whole corpus, a search by relevance over the build's three shards fetches 1.02x the
 * word-chunk bytes of one index with Pagefind's default, against 2.76x with that default,
 * for 3% more index bytes; 4,000 fetched 0.79x but made 0.16 more files an article. The
 * variable, when set, wins, so a benchmark can compare sizes.
 */
export const DEFAULT_CHUNK_POSTINGS = 6_000;

/** The postings per word chunk this build indexes with. */
export function chunkPostings(): number {
  const set = Number(process.env[CHUNK_SIZE_VARIABLE]);
  return Number.isInteger(set) && set > 0 ? set : DEFAULT_CHUNK_POSTINGS;
}

/** What one run of the Pagefind program is given. */
export interface PagefindRun {
  /** The folder whose pages are indexed; result URLs are the pages' paths inside it. */
  site: string;
  /** Which files of the folder to index. */
  glob: string;
  /** Where the bundle is written. */
  outputPath: string;
  /** Called with the process id once the program runs (benchmarks sample its memory). */
  onStart?: (pid: number) => void;
}

/** Indexes a folder with the Pagefind program; rejects with Pagefind's own output when it fails. */
export function runPagefind(run: PagefindRun): Promise<void> {
  const args = ["--site", run.site, "--glob", run.glob, "--output-path", run.outputPath, "--quiet"];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, [CHUNK_SIZE_VARIABLE]: String(chunkPostings()) };
    const child = spawn(pagefindBinary(), args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    if (child.pid !== undefined) run.onStart?.(child.pid);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Pagefind stopped (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}
