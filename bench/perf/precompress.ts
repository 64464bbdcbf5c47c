import { rm } from "node:fs/promises";
import { glob } from "tinyglobby";
import { precompressSite, type PrecompressReport } from "../../src/lib/publish/precompress.ts";
import { folderSize, type FolderSize } from "./files.ts";
import { count, mb, median, row, secs, times } from "./format.ts";
import type { SiteBuild } from "./site.ts";

/** Precompressing one built site (`precompress: true`), `runs` times over the same files. */
export interface PrecompressResult {
  build: SiteBuild;
  runs: PrecompressReport[];
  /** The site with its .gz and .br files. */
  after: FolderSize;
}

/** Runs the build's last step on a built site, removing its output after each run but the last. */
export async function measurePrecompress(
  build: SiteBuild,
  runs: number,
  progress: (message: string) => void,
): Promise<PrecompressResult> {
  const reports: PrecompressReport[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(`precompress, run ${run} of ${runs}`);
    const written = await glob("**/*.{gz,br}", { cwd: build.outDir, absolute: true });
    await Promise.all(written.map((file) => rm(file)));
    reports.push(await precompressSite(build.outDir));
  }
  return { build, runs: reports, after: await folderSize(build.outDir) };
}

/** The report block: time against the build, bytes a reader's browser gets, what the host stores. */
export function formatPrecompress(result: PrecompressResult): string[] {
  const last = result.runs.at(-1);
  if (!last) return ["precompress: no run"];
  const seconds = median(result.runs.map((run) => run.seconds));
  const before = result.build.output;
  return [
    `precompress (.gz and .br beside text files of 1 KiB or more), on the largest site, median of ${result.runs.length} run(s)`,
    row("time", secs(seconds), `${times(seconds / result.build.run.seconds)} the build's own time`),
    row("files compressed", count(last.files), `of ${count(before.files)} files in the site`),
    row("their bytes", mb(last.bytes)),
    row("gzip", mb(last.gzipBytes), `${times(last.gzipBytes / last.bytes)} of the originals`),
    row("Brotli", mb(last.brotliBytes), `${times(last.brotliBytes / last.gzipBytes)} of gzip`),
    row("site on disk", mb(result.after.bytes), `${times(result.after.bytes / before.bytes)} without precompression`),
    row("files in the site", count(result.after.files), `${times(result.after.files / before.files)}`),
  ];
}
