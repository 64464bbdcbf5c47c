import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { count, row, secs, times } from "./format.ts";
import { WORK } from "./paths.ts";
import { buildSite, type SiteBuild } from "./site.ts";

/** A clean build, a rebuild after one article was added, and one after it was removed again. */
export interface RebuildResult {
  articles: number;
  clean: SiteBuild;
  /** A clean build with the finder turned off (entities.yaml, find: false): what finding names adds. */
  withoutNames: SiteBuild;
  added: SiteBuild;
  removed: SiteBuild;
  /** Files that differ between the clean build and the rebuild of the same archive, or are in one only. */
  differing: string[];
}

/** The id of the article added: dated after every article of the corpus. */
const ADDED_ID = "2030-01-01-01";

/**
 * Measures an incremental rebuild: builds the archive clean (keeping Astro's cache), adds
 * one article and rebuilds into the same folder, removes it and rebuilds again; the last
 * build must hold the clean build's files byte for byte and no others, which is checked.
 */
export async function measureRebuild(
  archiveDir: string,
  articles: number,
  progress: (message: string) => void,
): Promise<RebuildResult> {
  const cacheDir = path.join(WORK, "rebuild-cache");
  rmSync(cacheDir, { recursive: true, force: true });
  const outDir = path.join(WORK, "rebuild-site");
  const build = async (name: string): Promise<SiteBuild> => {
    const keepOutDir = name !== "clean";
    const result = await buildSite({ archiveDir, outDir, cacheDir, keepOutDir, progress });
    progress(`rebuild: ${name} build ${secs(result.run.seconds)}`);
    return result;
  };
  progress(`rebuild: clean build of ${count(articles)} articles, keeping the cache`);
  const clean = await build("clean");
  const cleanFiles = await fileHashes(outDir);
  const [model] = (await glob("articles/**/*.md", { cwd: archiveDir })).sort().slice(-1);
  if (!model) throw new Error(`no article in ${archiveDir}`);
  const added = path.join(archiveDir, "articles/2030/01", `${ADDED_ID}.md`);
  mkdirSync(path.dirname(added), { recursive: true });
  writeFileSync(
    added,
    readFileSync(path.join(archiveDir, model), "utf8")
      .replace(/^id: .*$/m, `id: ${ADDED_ID}`)
      .replace(/^date: .*$/m, "date: 2030-01-01"),
  );
  let withArticle: SiteBuild;
  try {
    withArticle = await build("added");
  } finally {
    rmSync(path.join(archiveDir, "articles/2030"), { recursive: true, force: true });
  }
  const removed = await build("removed");
  const rebuiltFiles = await fileHashes(outDir);
  const differing = [...new Set([...cleanFiles.keys(), ...rebuiltFiles.keys()])]
    .filter((file) => cleanFiles.get(file) !== rebuiltFiles.get(file))
    .sort();
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  progress("rebuild: clean build with the finder turned off");
  const withoutNames = await withFinderOff(archiveDir, () => buildSite({ archiveDir, outDir, progress }));
  progress(`rebuild: clean build without names found ${secs(withoutNames.run.seconds)}`);
  rmSync(outDir, { recursive: true, force: true });
  return { articles, clean, withoutNames, added: withArticle, removed, differing };
}

/** Runs `build` with `find: false` in the archive's entities.yaml, then puts the file back as it was. */
async function withFinderOff<T>(archiveDir: string, build: () => Promise<T>): Promise<T> {
  const file = path.join(archiveDir, "entities.yaml");
  const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  writeFileSync(file, `${(before ?? "").replace(/^find:.*$/m, "")}\nfind: false\n`);
  try {
    return await build();
  } finally {
    if (before === undefined) rmSync(file);
    else writeFileSync(file, before);
  }
}

/** Every file under a folder with a hash of its bytes. */
async function fileHashes(dir: string): Promise<Map<string, string>> {
  const files = await glob("**/*", { cwd: dir, dot: true });
  return new Map(
    files.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** The report block of the rebuild measurement. */
export function formatRebuild(result: RebuildResult): string[] {
  const { clean, added, removed } = result;
  return [
    `rebuilding ${count(result.articles)} articles after a change (Astro's incremental build and reused search shards)`,
    row(
      "clean build",
      secs(clean.run.seconds),
      `keeping the cache; peak ${(clean.run.peakTreeBytes / 2 ** 30).toFixed(2)} GiB`,
    ),
    row(
      "… without names found",
      secs(result.withoutNames.run.seconds),
      `finder off (entities.yaml find: false): finding names makes the clean build ${times(clean.run.seconds / result.withoutNames.run.seconds)} as long; ` +
        `content ${secs(clean.phases.content)} against ${secs(result.withoutNames.phases.content)}, ` +
        `pages ${secs(clean.phases.generation)} against ${secs(result.withoutNames.phases.generation)}, ` +
        `${count(clean.routes)} against ${count(result.withoutNames.routes)} routes`,
    ),
    row(
      "one article added",
      secs(added.run.seconds),
      `${times(added.run.seconds / clean.run.seconds)} the clean build; search ${secs(added.phases.search)}, pages ${secs(added.phases.generation)}`,
    ),
    row(
      "… of which",
      "",
      `start, content and bundling ${secs(added.phases.startup + added.phases.content + added.phases.bundling)}; ` +
        `${count(added.routes)} of ${count(clean.routes)} routes rendered; downloads ${secs(added.phases.downloads)} before the search index; ` +
        `other steps ${secs(added.phases.afterwards)}`,
    ),
    row(
      "and removed again",
      secs(removed.run.seconds),
      `${times(removed.run.seconds / clean.run.seconds)} the clean build; ${count(removed.routes)} of ${count(clean.routes)} routes rendered`,
    ),
    row(
      "same as the clean build",
      result.differing.length === 0 ? "yes" : "NO",
      result.differing.length === 0
        ? "every file byte for byte, and no other file"
        : `${result.differing.length} files differ or are in one only: ${result.differing.slice(0, 5).join(", ")}`,
    ),
  ];
}
