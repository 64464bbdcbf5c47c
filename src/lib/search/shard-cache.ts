import { createHash } from "node:crypto";
import { pageRead } from "./page.ts";
import { lstatSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyAtLowPriority } from "../build/empty-folder.ts";
import { fileIdentity } from "../build/file-identity.ts";
import { linkTree } from "./hard-links.ts";

/**
 * Search shards kept between builds, by content. A shard's key is a hash of what Pagefind
 * is given (every page's URL and a hash of its HTML) and of how it is indexed, so a shard
 * whose pages did not change is taken from the cache instead of indexed again. Shards
 * are cut in date order, so when new articles arrive only the newest shard changes.
 */

/**
 * Changes whenever the indexer gives Pagefind something different for the same pages
 * (the staging layout, the sort anchor page): cached shards of an older kind are not reused.
 */
const SHARD_FORMAT = "shard-2";

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
  // One string hashed at once: 400,000 small updates took three times as long.
  const sorted = [...patterns].sort();
  return createHash("sha256")
    .update(sorted.length > 0 ? `${sorted.join("\n")}\n` : "")
    .digest("hex");
}

/** A hash of what Pagefind reads of a page (pageRead): the same for a page changed only elsewhere. */
export function pageHash(html: string): string {
  return createHash("sha256").update(pageRead(html)).digest("hex");
}

/** What the cache holds for one shard. */
export interface CachedShard {
  /** The folder of the shard's Pagefind bundle. */
  bundle: string;
  /** The query-table patterns its pages contain (see VocabularyScanner.takeFound). */
  vocabulary: string[];
}

const BUNDLE = "bundle";
/** Folders a build set aside, removed beside the next build's work (ShardCache.discard). */
const TRASH = ".trash";
/** The suffix of an entry being written. */
const PARTIAL = /\.partial$/;
const VOCABULARY = "vocabulary.json";
/** Each file of the bundle with its identity (size, modification time, inode) as stored. */
const FILES = "files.json";

/** A folder of cached shards, one folder per key. */
export class ShardCache {
  readonly #dir: string;
  readonly #used = new Set<string>([TRASH]);
  #discarded = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /**
   * The cached shard of a key, if there is one and every file of its bundle is still the file
   * stored: an entry with a file deleted or altered since is not used (and is pruned).
   */
  async get(key: string): Promise<CachedShard | undefined> {
    const folder = path.join(this.#dir, key);
    let vocabulary: string[];
    let files: [string, string][];
    try {
      // Written last, so its presence means the entry is whole.
      vocabulary = JSON.parse(await readFile(path.join(folder, VOCABULARY), "utf8")) as string[];
      files = JSON.parse(await readFile(path.join(folder, FILES), "utf8")) as [string, string][];
    } catch {
      return undefined;
    }
    const bundle = path.join(folder, BUNDLE);
    if (!files.every(([file, identity]) => identityOf(path.join(bundle, file)) === identity)) return undefined;
    this.#used.add(key);
    return { bundle, vocabulary };
  }

  /** Stores a freshly indexed shard: its bundle's files, hard-linked (see hard-links.ts), and its vocabulary. */
  async put(key: string, bundle: string, vocabulary: readonly string[]): Promise<void> {
    // Marked first: a prune running beside must leave the entry being written alone.
    this.#used.add(key);
    const folder = path.join(this.#dir, key);
    const partial = `${folder}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    const stored = path.join(partial, BUNDLE);
    const files = await linkTree(bundle, stored);
    await writeFile(
      path.join(partial, FILES),
      JSON.stringify(files.map((file) => [file, identityOf(path.join(stored, file))])),
    );
    await writeFile(path.join(partial, VOCABULARY), JSON.stringify(vocabulary));
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
  }

  /**
   * Sets a folder of the site aside (a staging folder, tens of thousands of links): moved
   * into the cache's trash at once and removed by the next build, beside its indexing, or
   * removed now where it cannot be moved (the cache on another disk than the site).
   */
  async discard(folder: string): Promise<void> {
    const trash = path.join(this.#dir, TRASH);
    await mkdir(trash, { recursive: true });
    try {
      await rename(folder, path.join(trash, `${process.pid}-${Date.now()}-${this.#discarded++}`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await rm(folder, { recursive: true, force: true });
    }
  }

  /**
   * Removes what earlier builds set aside, at low priority (emptyAtLowPriority); folders
   * discarded from now on are left for the next build.
   */
  async emptyTrash(): Promise<void> {
    await emptyAtLowPriority(path.join(this.#dir, TRASH));
  }

  /** Sets aside (see discard) every entry this build neither used nor stored: shards of pages that changed. */
  async prune(): Promise<void> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!this.#used.has(name.replace(PARTIAL, ""))) await this.discard(path.join(this.#dir, name));
    }
  }
}

function identityOf(file: string): string | undefined {
  try {
    return fileIdentity(lstatSync(file));
  } catch {
    return undefined;
  }
}
