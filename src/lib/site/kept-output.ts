import { lstatSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The built site's folder is kept between builds, so that pages Astro's incremental build
 * skips stay where they are instead of being copied from its cache, and downloads that did
 * not change are not written again. What a build did not write or keep on purpose is left
 * over from an earlier build and is removed, so a rebuild holds exactly the files a clean
 * build would.
 */

/** What the cache folder records about the last build into a site folder. */
interface OutputRecord {
  /** The site folder the last finished build wrote. */
  outDir: string;
}

/**
 * Whether the site folder holds the output of the last finished build that used this cache
 * folder: its pages match the cache's record of them. A build that failed or wrote another
 * folder leaves files the cache knows nothing of, so the folder is then emptied instead.
 */
export async function outputIsKept(recordFile: string, outDir: string): Promise<boolean> {
  let record: OutputRecord;
  try {
    record = JSON.parse(await readFile(recordFile, "utf8")) as OutputRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  return path.resolve(record.outDir) === path.resolve(outDir);
}

/** Records that a build into `outDir` finished (read by outputIsKept). */
export async function recordOutput(recordFile: string, outDir: string): Promise<void> {
  const record: OutputRecord = { outDir: path.resolve(outDir) };
  await mkdir(path.dirname(recordFile), { recursive: true });
  await writeFile(recordFile, `${JSON.stringify(record)}\n`);
}

/** Forgets the last build's record: a build has started, and until it finishes the folder is a mix of two. */
export async function forgetOutput(recordFile: string): Promise<void> {
  await rm(recordFile, { force: true });
}

/** Removes everything inside a folder, keeping the folder. */
export async function emptyFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await Promise.all(entries.map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
}

/**
 * Removes the files of a site folder that the current build neither wrote (modified before
 * `since`, the build's start in epoch milliseconds) nor kept (`kept`, paths relative to the
 * folder with "/" separators), then the folders left empty. Returns how many files went.
 * Synchronous calls: tens of thousands of them in a row run several times faster so.
 */
export function removeStale(site: string, since: number, kept: ReadonlySet<string>): number {
  let removed = 0;
  const sweep = (dir: string, prefix: string): boolean => {
    let left = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = prefix + entry.name;
      if (entry.isDirectory()) {
        if (sweep(full, `${relative}/`)) rmdirSync(full);
        else left++;
      } else if (kept.has(relative) || lstatSync(full).mtimeMs >= since) {
        left++;
      } else {
        unlinkSync(full);
        removed++;
      }
    }
    return left === 0;
  };
  sweep(path.resolve(site), "");
  return removed;
}
