import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ShardSummary } from "../search/indexer.ts";

/**
 * What a part of a site built in parts records beside its output, for the assemble step:
 * its search shards (for the manifests and query tables) and its pages (for the sitemap).
 */
export interface PartRecord {
  shards: ShardSummary[];
  /** The part's page paths as Astro lists them (`zh-hans/articles/<id>/`). */
  pages: string[];
}

/** The folder of a part's own output (the site files it made), inside its part folder. */
export const PART_SITE = "site";

const FILES = { shards: "shards.json", pages: "pages.json" } as const;

/** Writes one field of a part's record into its part folder. */
export async function writeRecord<K extends keyof PartRecord>(
  dir: string,
  key: K,
  value: PartRecord[K],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, FILES[key]), JSON.stringify(value));
}

/** Reads one field of the records of several parts, in the order given. */
export async function readRecords<K extends keyof PartRecord>(
  dirs: readonly string[],
  key: K,
): Promise<PartRecord[K][]> {
  return Promise.all(
    dirs.map(async (dir) => {
      const file = path.join(dir, FILES[key]);
      try {
        return JSON.parse(await readFile(file, "utf8")) as PartRecord[K];
      } catch (error) {
        throw new Error(`${file}: cannot read the part's record; was the part built? (${(error as Error).message})`, {
          cause: error,
        });
      }
    }),
  );
}
