import { constants } from "node:fs";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";

/**
 * What a part of a site built in parts owns in its output: its articles' pages and
 * comparisons, their attached files and downloads (with any .gz and .br copies), its search
 * shards, and the scripts every build bundles alike. Everything else a part's build writes
 * (the root pages, exports of the whole archive, static files) is the assemble step's:
 * a part reused since an edit elsewhere would otherwise bring a stale copy.
 */
export const PART_OWNS = ["*/articles/**", "files/**", "data/cite/**", "data/source/**", "pagefind/**", "_astro/**"];

/** Removes from a part's output every file the part does not own (PART_OWNS); returns how many. */
export async function keepPartFiles(siteDir: string): Promise<number> {
  const others = await glob("**", { cwd: siteDir, dot: true, onlyFiles: true, ignore: PART_OWNS });
  await Promise.all(others.map((file) => rm(path.join(siteDir, file))));
  return others.length;
}

/** Files copied at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const PARALLEL_COPIES = 32;

/**
 * Joins built folders into one: every file of each, in the order given. A file that more
 * than one folder holds (the static files, the root pages every build makes) must be the
 * same in each, byte for byte; else the builds did not agree and joining them would give a
 * site no single build gives, so it throws naming the files. Returns how many files it copied.
 */
export async function joinFolders(folders: readonly string[], target: string): Promise<number> {
  const differing: string[] = [];
  const made = new Set<string>();
  const pending = new Set<Promise<void>>();
  let copied = 0;
  for (const folder of folders) {
    for (const file of await glob("**", { cwd: folder, dot: true, onlyFiles: true })) {
      const from = path.join(folder, file);
      const to = path.join(target, file);
      const dir = path.dirname(to);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      const copy: Promise<void> = copyFile(from, to, constants.COPYFILE_EXCL)
        .then(
          () => void copied++,
          async (error: NodeJS.ErrnoException) => {
            if (error.code !== "EEXIST") throw error;
            const [a, b] = await Promise.all([readFile(from), readFile(to)]);
            if (!a.equals(b)) differing.push(`${file} (${folder})`);
          },
        )
        .finally(() => void pending.delete(copy));
      pending.add(copy);
      if (pending.size >= PARALLEL_COPIES) await Promise.race(pending);
    }
    // One folder at a time: a file two folders hold is compared only once the first copy is whole.
    await Promise.all(pending);
  }
  if (differing.length > 0) {
    throw new Error(`${differing.length} file(s) differ between the builds joined:\n${differing.sort().join("\n")}`);
  }
  return copied;
}
