import { readFile } from "node:fs/promises";
import { writeAtomic } from "../fs/atomic-write.ts";
import type { FoundEntities } from "./types.ts";

interface CacheFile {
  version: string;
  entries: Record<string, FoundEntities>;
}

/**
 * What the finder found in each body, kept between builds by the body's hash (and its
 * script), so a rebuild runs the finder only on bodies it has not read. The whole cache
 * is dropped when `version` changes: the finder's code or data, jieba, the corrections.
 * Saving keeps only the entries this build used.
 */
export class EntityCache {
  private readonly used = new Map<string, FoundEntities>();
  private hits = 0;
  private misses = 0;
  /** Whether the file lacks what `used` holds: true until the first save, and after any body read since. */
  private unsaved = true;

  // Fields declared, not parameter properties: see EntityCorrectionsError.
  private readonly file: string;
  private readonly version: string;
  private readonly entries: ReadonlyMap<string, FoundEntities>;

  private constructor(file: string, version: string, entries: ReadonlyMap<string, FoundEntities>) {
    this.file = file;
    this.version = version;
    this.entries = entries;
  }

  /** Opens the cache file; a missing, unreadable or older one starts empty. */
  static async open(file: string, version: string): Promise<EntityCache> {
    let entries = new Map<string, FoundEntities>();
    try {
      const data = JSON.parse(await readFile(file, "utf8")) as CacheFile;
      if (data.version === version) entries = new Map(Object.entries(data.entries));
    } catch {
      // No cache yet, or one cut off: every body is read again.
    }
    return new EntityCache(file, version, entries);
  }

  /** Whether the names of a body are known without reading it. */
  has(key: string): boolean {
    return this.used.has(key) || this.entries.has(key);
  }

  /** The names found in a body, from the cache or from `find`. */
  get(key: string, find: () => FoundEntities): FoundEntities {
    let found = this.used.get(key) ?? this.entries.get(key);
    if (found) this.hits++;
    else {
      this.misses++;
      this.unsaved = true;
      found = find();
    }
    this.used.set(key, found);
    return found;
  }

  /** How many bodies came from the cache and how many were read. */
  counts(): { cached: number; read: number } {
    return { cached: this.hits, read: this.misses };
  }

  /** Writes the entries this build used, unless nothing was read since the last save (a dev server's reload after an edit to front matter). */
  async save(): Promise<void> {
    if (!this.unsaved) return;
    this.unsaved = false;
    const data: CacheFile = { version: this.version, entries: Object.fromEntries(this.used) };
    await writeAtomic(this.file, JSON.stringify(data));
  }
}
