import { constants, openSync, readFileSync, closeSync } from "node:fs";
import { open } from "node:fs/promises";

// Where the system has no such flag (Windows), 0 leaves the open as it was.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a file of the archive without following a symbolic link in its last step: a link
 * put in place of a checked file after the check fails (ELOOP) instead of reading what it
 * points at.
 */
export function readFileNoFollowSync(file: string): Buffer<ArrayBuffer> {
  const fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** readFileNoFollowSync, without blocking. */
export async function readFileNoFollow(file: string): Promise<Buffer<ArrayBuffer>> {
  const handle = await open(file, constants.O_RDONLY | NO_FOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
