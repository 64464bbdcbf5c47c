import { createHash } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, readFileSync } from "node:fs";
import { lstat, readdir, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "../fs/atomic-write.ts";
import { answerFromThread } from "./answer-thread.ts";
import { fileIdentity } from "./file-identity.ts";

/**
 * Pages kept from the published site. Astro's incremental build copies every page it does
 * not render again from its cache folder into the new site: on the whole corpus, 34,000
 * copies and the folders they go in took most of a rebuild after one article. A page is
 * the same file in the published site, so it is linked from there into the staging folder
 * beforehand (a link, not a copy: the published folder is never written to), and Astro,
 * finding the page already there, leaves it. A page rendered again is first unlinked
 * (releaseKeptPage, from src/middleware.ts), so its new bytes go into a file of its own.
 * The links are made by a thread of their own, while Astro loads the archive.
 */

/** Astro's manifest of the pages of its last build (`incremental-build.json` in the cache folder). */
interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

/** What was published: which manifest, and the identity of each of its pages in the published folder. */
interface PublishedPages {
  manifest: string;
  files: Record<string, string>;
}

const MANIFEST_FILE = "incremental-build.json";
const RECORD_FILE = "published-pages.json";

/** How many files are looked at at once. */
const AT_ONCE = 64;

/** Each page of a manifest, by its pathname (as Astro renders it: decoded, with its trailing slash), with its file relative to the site folder. */
function pagesOf(manifest: Manifest): Map<string, string> {
  const pages = new Map<string, string>();
  for (const route of Object.values(manifest.routes))
    for (const [pathname, { outputFile }] of Object.entries(route.paths)) pages.set(pathname, decodeURI(outputFile));
  return pages;
}

function readManifest(cacheDir: string): { text: string; pages: Map<string, string> } | undefined {
  try {
    const text = readFileSync(path.join(cacheDir, MANIFEST_FILE), "utf8");
    return { text, pages: pagesOf(JSON.parse(text) as Manifest) };
  } catch {
    return undefined;
  }
}

const digest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Runs `work` on every item, AT_ONCE at a time. */
async function eachAtOnce<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

/**
 * Once a build is published: records the identity of each page of Astro's manifest in the
 * published folder, so the next build can link the pages still as they were. A page still
 * linked from the last published site (`kept`: never rendered again, so never unlinked) is
 * the file recorded then, and keeps that identity without being looked at.
 */
export async function recordPublishedPages(
  cacheDir: string,
  published: string,
  kept: ReadonlyMap<string, string>,
): Promise<void> {
  const manifest = readManifest(cacheDir);
  if (!manifest) return;
  const last = readRecord(cacheDir);
  const files: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [pathname, file] of manifest.pages) {
    const identity = kept.has(pathname) ? last?.files[file] : undefined;
    if (identity === undefined) unknown.push(file);
    else files[file] = identity;
  }
  await eachAtOnce(unknown, async (file) => {
    try {
      const stats = await lstat(path.join(published, file));
      if (stats.isFile()) files[file] = fileIdentity(stats);
    } catch {
      // A page the manifest names but the site lacks is not kept.
    }
  });
  await writeAtomic(
    path.join(cacheDir, RECORD_FILE),
    JSON.stringify({ manifest: digest(manifest.text), files } satisfies PublishedPages),
  );
}

function readRecord(cacheDir: string): PublishedPages | undefined {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, RECORD_FILE), "utf8")) as PublishedPages;
  } catch {
    return undefined;
  }
}

/**
 * Links into the staging folder each page of the last build that is still, in the published
 * folder, the file that build published, when Astro's manifest is the one published with
 * them (a build that failed after writing it published nothing). Returns the pages linked,
 * by pathname, with their file in the staging folder. The work is done by a thread of its
 * own, one file after another: this thread stays free, and so do the threads Node reads
 * files with, which the loading of the archive needs meanwhile.
 */
export async function linkKeptPages(
  cacheDir: string,
  published: string,
  staging: string,
): Promise<Map<string, string>> {
  const pages = await answerFromThread<[string, string][]>(
    new URL("./kept-pages-worker.ts", import.meta.url),
    { cacheDir, published, staging } satisfies KeptPagesJob,
    "linking kept pages",
  );
  return new Map(pages);
}

/** What the linking thread is given. */
export interface KeptPagesJob {
  cacheDir: string;
  published: string;
  staging: string;
}

/** linkKeptPages's work, done in the calling thread; answers the pages linked as [pathname, file in the staging folder]. */
export function linkKeptPagesNow({ cacheDir, published, staging }: KeptPagesJob): [string, string][] {
  const kept: [string, string][] = [];
  const manifest = readManifest(cacheDir);
  const record = readRecord(cacheDir);
  if (!manifest || !record || record.manifest !== digest(manifest.text)) return kept;
  const folders = new Set<string>();
  for (const [pathname, file] of manifest.pages) {
    const identity = record.files[file];
    if (identity === undefined) continue;
    const source = path.join(published, file);
    const target = path.join(staging, file);
    try {
      if (fileIdentity(lstatSync(source)) !== identity) continue;
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      linkSync(source, target);
    } catch {
      // Gone, or not linkable here: Astro copies the page from its cache instead.
      continue;
    }
    kept.push([pathname, target]);
  }
  return kept;
}

/**
 * After Astro has written the new site: removes the pages linked from the published site
 * that this build no longer makes (an article removed), and the folders they leave empty.
 * Returns how many were removed.
 */
export async function pruneKeptPages(
  cacheDir: string,
  staging: string,
  kept: ReadonlyMap<string, string>,
): Promise<number> {
  const made = new Set(readManifest(cacheDir)?.pages.keys() ?? []);
  const stale = [...kept].filter(([pathname]) => !made.has(pathname)).map(([, file]) => file);
  await eachAtOnce(stale, (file) => unlink(file).catch(() => undefined));
  for (const file of stale) await removeEmptyFolders(path.dirname(file), staging);
  return stale.length;
}

/** Removes `dir` and the folders above it, up to `root`, while they are empty. */
async function removeEmptyFolders(dir: string, root: string): Promise<void> {
  for (let current = dir; current.startsWith(`${root}${path.sep}`); current = path.dirname(current)) {
    if ((await readdir(current).catch(() => ["?"])).length > 0) return;
    await rmdir(current);
  }
}
