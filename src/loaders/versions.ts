import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { readerVersion } from "../lib/article/read-record.ts";
import { lockedVersions } from "../lib/build/locked-versions.ts";

/** The project's lockfile, or nothing when there is none. */
function lockfileOf(root: URL): string {
  try {
    return readFileSync(new URL("package-lock.json", root), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return "";
  }
}

/**
 * What the names found in a body depend on besides the body: the finder's code and data,
 * the conversion code it reads Traditional text with, the locked versions of the libraries
 * they use (jieba's dictionary, the conversion tables) and the archive's corrections file.
 */
export function finderVersion(root: URL, corrections: string): string {
  const sources = import.meta.glob<string>(
    ["../lib/entities/**/*.ts", "../lib/entities/data/*.json", "../lib/script/*.ts"],
    {
      query: "?raw",
      import: "default",
      eager: true,
    },
  );
  const libraries = lockedVersions(lockfileOf(root), ["@node-rs/jieba", "opencc-js", "yaml", "zod"]);
  return createHash("sha256").update(JSON.stringify({ sources, libraries, corrections })).digest("hex").slice(0, 32);
}

/**
 * The code that reads and checks an article file, and the locked versions of the libraries
 * it uses: articles kept from the last build are reused only when all of these are unchanged.
 */
export function currentReader(root: URL): string {
  const sources = import.meta.glob<string>(["../lib/article/*.ts", "../lib/build/file-identity.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });
  return readerVersion({ ...sources, "package-lock.json": lockfileOf(root) });
}
