import { randomBytes } from "node:crypto";
import { link, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * The name a file takes while it is being written: hidden, beside its final place (a rename
 * never crosses disks), and ending in PARTIAL_SUFFIX, so that a process killed mid-write
 * leaves a file that `npm run check` can name as what it is.
 */
export const PARTIAL_SUFFIX = ".partial";

/** Whether a file name is one writeAtomic gives a file it has not finished writing. */
export function isPartialWrite(name: string): boolean {
  return name.startsWith(".") && name.endsWith(PARTIAL_SUFFIX);
}

/** Options of writeAtomic. */
export interface AtomicWriteOptions {
  /** Fail with EEXIST, writing nothing, when the file exists (as the `wx` flag does). */
  exclusive?: boolean;
}

/**
 * Writes a whole file so that a reader, or a process killed at any moment, finds either the
 * file as it was or the new content complete, never a part: the content goes to a temporary
 * file in the same folder, which is then renamed into place (or, with `exclusive`,
 * hard-linked, which fails when the file exists). Not flushed to the disk before the rename:
 * that made a bulk import of 600 articles several times slower here, and it guards against a
 * power cut, not a stopped process. After a power cut a file renamed over another is whole on
 * ext4's defaults; a new file may be left empty, which `npm run check` names. Own code rather than a package:
 * the packages for this neither create exclusively nor name their temporary files in a way
 * the archive's check can recognise.
 */
export async function writeAtomic(
  file: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}${PARTIAL_SUFFIX}`,
  );
  const handle = await open(temporary, "wx", 0o644);
  try {
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    if (options.exclusive) await link(temporary, file);
    else await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // After an exclusive write the temporary name is a second link to the written file.
  if (options.exclusive) await rm(temporary, { force: true });
}

/**
 * Removes what writeAtomic left unfinished under a folder (a command killed mid-write), and
 * returns the paths removed. Only for a command that holds the folder's lock: another's
 * write in progress would otherwise be cut short.
 */
export async function removePartialWrites(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const partial = entries.filter((entry) => isPartialWrite(path.basename(entry))).map((entry) => path.join(dir, entry));
  await Promise.all(partial.map((file) => rm(file, { force: true })));
  return partial;
}
