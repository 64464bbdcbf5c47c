import { createHash } from "node:crypto";
import type { LoadedArticle, ReadBefore } from "./load.ts";
import type { ArticleMeta } from "./schema.ts";

/**
 * What a build keeps of the articles it read, for the next build: each file's identity
 * and article id, and the version of the code that read them. The articles' front matter
 * is kept by whoever stores it (Astro's content store); a record only says which is still good.
 */
export interface ReadRecord {
  reader: string;
  files: Record<string, [identity: string, id: string]>;
}

/** A digest of the code that reads and checks an article file, given as its source texts by name. */
export function readerVersion(sources: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(sources).sort()) hash.update(`${name}\0${sources[name]}\0`);
  return hash.digest("hex");
}

/** The record of one load of the archive (loadArchive's articles and identities). */
export function readRecord(
  reader: string,
  articles: readonly LoadedArticle[],
  identities: ReadonlyMap<string, string>,
): ReadRecord {
  const files: ReadRecord["files"] = {};
  for (const { file, meta } of articles) {
    const identity = identities.get(file);
    if (identity !== undefined) files[file] = [identity, meta.id];
  }
  return { reader, files };
}

/**
 * The front matter in the last build's record that is still good: that of files with the
 * same identity, read by the same code, and still held by `stored` (by id). A record made
 * by other code offers none, so a change to how articles are read reads every file again.
 */
export function readBeforeFrom(
  record: ReadRecord | undefined,
  reader: string,
  stored: (id: string) => ArticleMeta | undefined,
): ReadBefore {
  if (record?.reader !== reader) return () => undefined;
  return (file, identity) => {
    const known = record.files[file];
    if (known === undefined || known[0] !== identity) return undefined;
    return stored(known[1]);
  };
}
