import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdir } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import path from "node:path";

/** What the child process runs: removes every path given as JSON in its first argument. */
const REMOVE = `for (const p of JSON.parse(process.argv[1])) require("node:fs").rmSync(p, { recursive: true, force: true });`;

/**
 * Removes everything inside a folder, keeping the folder (a missing folder is left missing),
 * in a child process of the lowest CPU priority: tens of thousands of removals then use only
 * what the build leaves idle, instead of slowing the bundler or Pagefind beside them.
 */
export async function emptyAtLowPriority(dir: string): Promise<void> {
  const paths = await entriesOf(dir);
  if (paths.length === 0) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawnRemover(paths, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`removing what ${dir} holds failed: ${errors.trim()}`)),
    );
  });
}

/**
 * Removes a path in a child process of the lowest CPU priority that is left to finish on its
 * own: the command that started it may end first (a build's last act is to set the site it
 * replaced aside for removal).
 */
export function removeDetached(target: string): void {
  spawnRemover([target], { stdio: "ignore", detached: true }).unref();
}

/** A child process of the lowest CPU priority removing the paths given. */
function spawnRemover(paths: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, ["-e", REMOVE, JSON.stringify(paths)], options);
  try {
    if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
  } catch {
    // A system that refuses to lower a priority still removes the files, at normal priority.
  }
  return child;
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
