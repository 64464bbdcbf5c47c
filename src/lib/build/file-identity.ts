import type { Stats } from "node:fs";

/**
 * A file's identity between builds: its size, modification time and inode. Writing a file
 * gives it a new modification time, and replacing it a new inode, so a file whose identity
 * is unchanged since the last build holds the bytes that build read.
 */
export function fileIdentity(stats: Pick<Stats, "size" | "mtimeMs" | "ino">): string {
  return `${stats.size} ${stats.mtimeMs} ${stats.ino}`;
}
