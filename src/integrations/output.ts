import { pathToFileURL, fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { lockBuild } from "../lib/build/locks.ts";
import { linkKeptPages, pruneKeptPages, recordPublishedPages } from "../lib/build/kept-pages.ts";
import { shareKeptPages } from "../lib/build/kept-registry.ts";
import { prepareStaging, publishStaging, stagedSite, type StagedSite } from "../lib/build/staging.ts";
import { archiveDir } from "../lib/site/config.ts";

/** The published site folder of a build, shared with the integrations that keep files from it. */
export interface StagedOutput {
  /** The folder readers are served from: the last good site until this build replaces it (known from `astro:config:setup` on). */
  readonly published: string;
  /** The cache folder where integrations record what they wrote (known from `astro:config:done` on). */
  readonly cacheDir: string;
  /** First in the list: locks the build's folders and sends Astro's output to the staging folder. */
  stage: AstroIntegration;
  /** Last in the list: replaces the published folder with the staging folder once everything is written. */
  publish: AstroIntegration;
}

/**
 * A build that never leaves the published site half made (src/lib/build/staging.ts): Astro
 * and every step after it write into a staging folder beside the published one, which is
 * replaced only when all of them have finished. The build holds locks on the archive, the
 * site folder and the cache (src/lib/build/locks.ts), so a second build stops at once. A
 * failed or interrupted build leaves the published folder byte for byte as it was.
 */
export function stagedOutput(): StagedOutput {
  let site: StagedSite | undefined;
  let cacheDir = "";
  let emptying: Promise<void> = Promise.resolve();
  let kept: Promise<Map<string, string>> = Promise.resolve(new Map());
  return {
    get published() {
      return site?.published ?? "";
    },
    get cacheDir() {
      return cacheDir;
    },
    stage: {
      name: "archive-staged-output",
      hooks: {
        "astro:config:setup": ({ command, config, updateConfig, logger }) => {
          if (command !== "build") return;
          site = stagedSite(fileURLToPath(config.outDir));
          lockBuild({ archiveDir: archiveDir(), siteDir: site.published, cacheDir: fileURLToPath(config.cacheDir) });
          emptying = prepareStaging(site).catch((error: unknown) =>
            logger.warn(`could not remove what earlier builds set aside in ${site?.trash}: ${String(error)}`),
          );
          updateConfig({ outDir: pathToFileURL(`${site.staging}/`) });
        },
        "astro:config:done": ({ config, logger }) => {
          cacheDir = fileURLToPath(config.cacheDir);
          if (!site) return;
          const { published, staging } = site;
          // Linked while the archive is loaded; Astro needs them only when it writes pages.
          const started = performance.now();
          kept = linkKeptPages(cacheDir, published, staging).then((pages) => {
            if (pages.size > 0)
              logger.info(
                `${pages.size} pages linked from the published site in ${((performance.now() - started) / 1000).toFixed(1)} s`,
              );
            return pages;
          });
        },
        "astro:build:start": async () => {
          shareKeptPages(await kept);
        },
        "astro:build:done": async ({ logger }) => {
          const removed = await pruneKeptPages(cacheDir, site?.staging ?? "", await kept);
          if (removed > 0) logger.info(`${removed} pages the archive no longer has removed`);
        },
      },
    },
    publish: {
      name: "archive-publish-staged",
      hooks: {
        "astro:build:done": async ({ logger }) => {
          if (!site) return;
          await emptying;
          publishStaging(site);
          logger.info(`the new site replaced ${site.published}`);
          await recordPublishedPages(cacheDir, site.published, await kept);
        },
      },
    },
  };
}
