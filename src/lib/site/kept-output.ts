import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { readBuildRecord } from "./build-record.ts";

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
  /** The identity (size, modification time, inode) of the folder's MARKER as that build wrote it. */
  marker: string;
}

/**
 * A file every build writes anew (the site's root page, which has no cache key): a folder
 * whose copy is the one the last build wrote was not emptied, replaced or restored since.
 */
const MARKER = "index.html";

/**
 * Whether the site folder holds the output of the last finished build that used this cache
 * folder. A build that failed or wrote another folder, or a folder made afresh (a new
 * checkout, a CI run that keeps only the cache folder), is not trusted: it is emptied and
 * everything is written again.
 */
export async function outputIsKept(recordFile: string, outDir: string): Promise<boolean> {
  const record = await readBuildRecord<OutputRecord>(recordFile);
  if (record === undefined) return false;
  return path.resolve(record.outDir) === path.resolve(outDir) && record.marker === (await markerOf(outDir));
}

/** Records that a build into `outDir` finished (read by outputIsKept). */
export async function recordOutput(recordFile: string, outDir: string): Promise<void> {
  const marker = await markerOf(outDir);
  if (marker === undefined) throw new Error(`the build wrote no ${MARKER} into ${outDir}`);
  const record: OutputRecord = { outDir: path.resolve(outDir), marker };
  await mkdir(path.dirname(recordFile), { recursive: true });
  await writeFile(recordFile, `${JSON.stringify(record)}\n`);
}

async function markerOf(outDir: string): Promise<string | undefined> {
  try {
    const { size, mtimeMs, ino } = await stat(path.join(outDir, MARKER));
    return `${size} ${mtimeMs} ${ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Forgets the last build's record: a build has started, and until it finishes the folder is a mix of two. */
export async function forgetOutput(recordFile: string): Promise<void> {
  await rm(recordFile, { force: true });
}

/** What a sweep found stale in one folder. */
interface Stale {
  /** Stale files, and folders holding nothing else, that are not inside one of the folders listed. */
  paths: string[];
  files: number;
  /** Whether everything in the folder is stale. */
  whole: boolean;
}

/**
 * Removes the files of a site folder that the current build neither wrote (modified before
 * `since`, the build's start in epoch milliseconds) nor kept (`kept`, paths relative to the
 * folder with "/" separators), and the folders left empty. A folder holding only such files
 * (the last build's search bundles) is moved into `trash`, a folder on the same disk outside
 * the site, instead of having its files removed one by one: the next build empties the
 * trash beside its own work (emptyAtLowPriority). Returns how many files went.
 * Synchronous calls: tens of thousands of them in a row run several times faster so.
 */
export function removeStale(site: string, since: number, kept: ReadonlySet<string>, trash: string): number {
  const sweep = (dir: string, prefix: string): Stale => {
    const found: Stale = { paths: [], files: 0, whole: true };
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = prefix + entry.name;
      if (entry.isDirectory()) {
        const inner = sweep(full, `${relative}/`);
        found.files += inner.files;
        if (inner.whole) found.paths.push(full);
        else found.paths.push(...inner.paths);
        found.whole &&= inner.whole;
      } else if (kept.has(relative) || lstatSync(full).mtimeMs >= since) {
        found.whole = false;
      } else {
        found.paths.push(full);
        found.files++;
      }
    }
    return found;
  };
  const { paths, files } = sweep(path.resolve(site), "");
  mkdirSync(trash, { recursive: true });
  const batch = `${process.pid}-${Date.now()}`;
  paths.forEach((stale, n) => {
    if (!lstatSync(stale).isDirectory()) unlinkSync(stale);
    else if (!movedAside(stale, path.join(trash, `${batch}-${n}`))) rmSync(stale, { recursive: true });
  });
  return files;
}

/** Moves a folder, unless it is on another disk than the destination. */
function movedAside(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EXDEV") return false;
    throw error;
  }
}
