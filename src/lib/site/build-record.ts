import { readFile } from "node:fs/promises";

/**
 * Reads a JSON record an earlier build left in the cache folder (what it wrote, what it
 * read), or undefined when there is none. A record that is not valid JSON, as a build cut
 * off while writing it leaves, counts as none: the build then does the work afresh.
 */
export async function readBuildRecord<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
