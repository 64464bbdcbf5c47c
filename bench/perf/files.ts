import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Count and total size of the files under a folder. */
export interface FolderSize {
  files: number;
  bytes: number;
  /** Files whose name ends in .html. */
  html: number;
}

/** Walks a folder and adds up its files; a missing folder is empty. */
export async function folderSize(dir: string): Promise<FolderSize> {
  const total: FolderSize = { files: 0, bytes: 0, html: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total.files++;
    total.bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith(".html")) total.html++;
  }
  return total;
}
