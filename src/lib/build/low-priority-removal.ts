import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import path from "node:path";

/** What the child process runs: removes every path given as JSON in its first argument. */
const REMOVE = `for (const p of JSON.parse(process.argv[1])) require("node:fs").rmSync(p, { recursive: true, force: true });`;

/**
 * Removes everything inside a folder (the folder stays; a missing folder is left missing)
 * in a child process of the lowest CPU priority: tens of thousands of removals then use
 * only what the build leaves idle, instead of slowing the bundler or Pagefind beside them.
 */
export async function emptyAtLowPriority(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (names.length === 0) return;
  const paths = JSON.stringify(names.map((name) => path.join(dir, name)));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", REMOVE, paths], { stdio: ["ignore", "ignore", "pipe"] });
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
