import { constants, copyFileSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import { copyFile, link } from "node:fs/promises";
import path from "node:path";

/**
 * Putting the same files in two places without copying their bytes: a shard's pages into
 * the folder Pagefind indexes, a bundle into the shard cache and back into the site. Every
 * writer of these files writes a new file (Pagefind into an emptied folder, Astro and the
 * cache through new names), so a file is never changed in place under its other name.
 */

/** Errors of a file system that cannot link these two paths: another disk, no hard links, too many links. */
const CANNOT_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS"]);

/**
 * Hard-links a file to a new path (its folder must exist), or copies it where the file
 * system cannot link them. Synchronous: tens of thousands of calls in a row, with nothing
 * else to do meanwhile, run faster so than awaiting each.
 */
export function linkFileSync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!cannotLink(error)) throw error;
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/** Files linked at once by linkTree: each call waits on the disk, and the rest of the build goes on meanwhile. */
const PARALLEL_LINKS = 16;

/** Gives every file of a folder a second name in another folder, made with the same layout; returns their relative paths. */
export async function linkTree(from: string, to: string): Promise<string[]> {
  const entries = readdirSync(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) folders.add(path.join(to, relative));
    else if (entry.isFile()) files.push(relative);
  }
  for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      await linkFile(path.join(from, file), path.join(to, file));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_LINKS }, worker));
  return files;
}

async function linkFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!cannotLink(error)) throw error;
    await copyFile(from, to, constants.COPYFILE_FICLONE);
  }
}

function cannotLink(error: unknown): boolean {
  return CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? "");
}
