import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { emptyAtLowPriority, emptyFolder } from "../lib/build/empty-folder.ts";
import { forgetOutput, outputIsKept, recordOutput, removeStale } from "../lib/site/kept-output.ts";

/** The kept output folder of a build, shared with the integrations that keep files in it. */
export interface KeptOutput {
  /** Whether the folder holds the last finished build's files (known from `astro:build:start` on). */
  readonly kept: boolean;
  /** The cache folder where integrations record what they wrote (known from `astro:config:done` on). */
  readonly cacheDir: string;
  /** Marks files (paths relative to the site folder) as part of this build though it did not write them. */
  keep(files: Iterable<string>): void;
  /**
   * The integration: after those that keep files in the folder (downloads), before those
   * that read the whole folder (search, precompression), which must not see stale files.
   */
  integration: AstroIntegration;
}

/**
 * Keeps the site folder between builds (Astro's config must set `vite.build.emptyOutDir:
 * false`) and removes, once the pages and downloads are in place, every file this build
 * neither wrote nor kept: pages of withdrawn articles, old scripts and styles, downloads of
 * deleted articles, the last search bundles. When the folder is not the one the last
 * finished build wrote (a failed build, another folder, a folder made afresh), it is
 * emptied first, as Astro would.
 */
export function keptOutput(): KeptOutput {
  let outDir = "";
  let cacheDir = "";
  let recordFile = "";
  let trash = "";
  let emptying: Promise<void> = Promise.resolve();
  let kept = false;
  let started = 0;
  const keptFiles = new Set<string>();
  const state: KeptOutput = {
    get kept() {
      return kept;
    },
    get cacheDir() {
      return cacheDir;
    },
    keep(files) {
      for (const file of files) keptFiles.add(file.replace(/^\//, ""));
    },
    integration: {
      name: "archive-kept-output",
      hooks: {
        "astro:config:done": ({ config }) => {
          outDir = fileURLToPath(config.outDir);
          cacheDir = fileURLToPath(config.cacheDir);
          recordFile = path.join(cacheDir, "kept-output.json");
          trash = path.join(cacheDir, "kept-output-trash");
        },
        "astro:build:start": async ({ logger }) => {
          started = Date.now();
          kept = await outputIsKept(recordFile, outDir);
          // Until this build finishes, the folder is a mix the next build must not trust.
          await forgetOutput(recordFile);
          if (!kept) await emptyFolder(outDir);
          // What the last build's sweep moved aside: removed beside this build's start and
          // pages, which keep one core busy, rather than beside search indexing, which keeps both.
          emptying = emptyAtLowPriority(trash).catch((error: unknown) =>
            logger.warn(`could not empty ${trash}: ${String(error)}`),
          );
        },
        "astro:build:done": async ({ dir, assets, logger }) => {
          const siteDir = fileURLToPath(dir);
          for (const urls of assets.values()) {
            state.keep(urls.map((url) => path.relative(siteDir, fileURLToPath(url)).split(path.sep).join("/")));
          }
          const sweep = performance.now();
          // A folder emptied at the start holds only this build's files.
          const removed = kept ? removeStale(siteDir, started, keptFiles, trash) : 0;
          await emptying;
          await recordOutput(recordFile, outDir);
          const seconds = ((performance.now() - sweep) / 1000).toFixed(1);
          logger.info(`${removed} file(s) of an earlier build removed in ${seconds} s`);
        },
      },
    },
  };
  return state;
}
