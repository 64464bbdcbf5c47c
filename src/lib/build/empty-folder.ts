import { spawn } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import path from "node:path";

/** What the child process runs: removes every path given as JSON in its first argument. */
const REMOVE = `for (const p of JSON.parse(process.argv[1])) require("node:fs").rmSync(p, { recursive: true, force: true });`;

/** Removes everything inside a folder, keeping the folder; a missing folder is left missing. */
export async function emptyFolder(dir: string): Promise<void> {
  const paths = await entriesOf(dir);
  await Promise.all(paths.map((entry) => rm(entry, { recursive: true, force: true })));
}

/**
 * emptyFolder in a child process of the lowest CPU priority: tens of thousands of removals
 * then use only what the build leaves idle, instead of slowing the bundler or Pagefind
 * beside them.
 */
export async function emptyAtLowPriority(dir: string): Promise<void> {
  const paths = await entriesOf(dir);
  if (paths.length === 0) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", REMOVE, JSON.stringify(paths)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // A system that refuses to lower a priority still removes the files, at normal priority.
    }
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`removing what ${dir} holds failed: ${errors.trim()}`)),
    );
  });
}

/** The paths of what a folder holds; none for a missing folder. */
async function entriesOf(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).map((name) => path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
