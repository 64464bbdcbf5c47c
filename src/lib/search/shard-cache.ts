import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Search shards kept between builds, by content. A shard's key is a hash of what Pagefind
 * is given (every page's URL and a hash of its HTML) and of how it is indexed, so a shard
 * whose pages did not change is copied from the cache instead of indexed again. Shards
 * are cut in date order, so when new articles arrive only the newest shard changes.
 */

/**
 * Changes whenever the indexer gives Pagefind something different for the same pages
 * (the staging layout, the sort anchor page): cached shards of an older kind are not reused.
 */
const SHARD_FORMAT = "shard-1";

/** A page as the cache sees it. */
export interface HashedPage {
  url: string;
  /** A hash of the page's HTML. */
  hash: string;
}

/**
 * The key of a shard: its pages in order, whether it carries sort anchors, the Pagefind
 * version, and the digest of the query-table patterns its vocabulary was scanned for
 * (`patternsDigest`): a new conversion dictionary or lexicon must rescan unchanged pages.
 */
export function shardKey(
  pages: readonly HashedPage[],
  sharded: boolean,
  pagefindVersion: string,
  patterns: string,
): string {
  const hash = createHash("sha256").update(
    `${SHARD_FORMAT}\npagefind ${pagefindVersion}\nsharded ${sharded}\npatterns ${patterns}\n`,
  );
  for (const page of pages) hash.update(`${page.url} ${page.hash}\n`);
  return hash.digest("hex").slice(0, 32);
}

/** A digest of the set of query-table patterns, whatever order they were collected in. */
export function patternsDigest(patterns: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const pattern of [...patterns].sort()) hash.update(`${pattern}\n`);
  return hash.digest("hex");
}

/** A hash of a page's HTML. */
export function pageHash(html: string): string {
  return createHash("sha256").update(html).digest("hex");
}

/** What the cache holds for one shard. */
export interface CachedShard {
  /** The folder of the shard's Pagefind bundle. */
  bundle: string;
  /** The query-table patterns its pages contain (see VocabularyScanner.takeFound). */
  vocabulary: string[];
}

const BUNDLE = "bundle";
const VOCABULARY = "vocabulary.json";

/** A folder of cached shards, one folder per key. */
export class ShardCache {
  readonly #dir: string;
  readonly #used = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The cached shard of a key, if there is one. */
  async get(key: string): Promise<CachedShard | undefined> {
    const folder = path.join(this.#dir, key);
    let vocabulary: string[];
    try {
      // Written last, so its presence means the entry is whole.
      vocabulary = JSON.parse(await readFile(path.join(folder, VOCABULARY), "utf8")) as string[];
    } catch {
      return undefined;
    }
    this.#used.add(key);
    return { bundle: path.join(folder, BUNDLE), vocabulary };
  }

  /** Stores a freshly indexed shard: a copy of its bundle and its vocabulary. */
  async put(key: string, bundle: string, vocabulary: readonly string[]): Promise<void> {
    const folder = path.join(this.#dir, key);
    const partial = `${folder}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    await copyTree(bundle, path.join(partial, BUNDLE));
    await writeFile(path.join(partial, VOCABULARY), JSON.stringify(vocabulary));
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
    this.#used.add(key);
  }

  /** Removes every entry this build neither used nor stored: shards of pages that changed. */
  async prune(): Promise<void> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => !this.#used.has(name))
        .map((name) => rm(path.join(this.#dir, name), { recursive: true, force: true })),
    );
  }
}

/** Files copied at once: a bundle holds thousands of small files, and copying them one by one (fs.cp) took twice as long. */
const PARALLEL_COPIES = 32;

/** Copies a folder's files into another folder, several at a time, as reflinks where the file system can. */
export async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory()) folders.add(path.join(to, relative));
    else if (entry.isFile()) files.push(relative);
  }
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      await copyFile(path.join(from, file), path.join(to, file), constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, worker));
}
