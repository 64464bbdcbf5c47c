import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { createConverter, loadSiteRules, siteRulesPath, TO_HANS, TO_HANT } from "../lib/script/index.ts";
import { buildSearchIndex } from "../lib/search/indexer.ts";
import { archiveDir } from "../lib/site/config.ts";

/**
 * Pages per Pagefind index before the index is split into shards. Pagefind needs about
 * 0.2 MiB per page of Chinese text while indexing (docs/search.md), so 30,000 pages stay
 * near 6 GiB, well inside a 24 GiB machine; an archive of 15,000 articles is one index.
 */
export const DEFAULT_SHARD_PAGES = 30_000;

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Pages per index shard; the SEARCH_SHARD_PAGES environment variable overrides it. */
  shardPages?: number;
}

/**
 * Builds the full-text search index after the site is built (`astro:build:done`): every
 * article page in each script, with the query conversion tables the search page uses.
 * Any page that cannot be indexed fails the build. Shards whose pages did not change since
 * the last build are copied from Astro's cache folder instead of indexed again.
 */
export default function searchIntegration(options: SearchIntegrationOptions = {}): AstroIntegration {
  let base = "/";
  let cacheDir: string | undefined;
  let knownPagesFile: string | undefined;
  return {
    name: "archive-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        // Astro's own cache folder, kept between builds: shards whose pages are unchanged are reused from it.
        cacheDir = fileURLToPath(new URL("search-shards/", config.cacheDir));
        knownPagesFile = fileURLToPath(new URL("search-pages.json", config.cacheDir));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const shardPages = shardSize(process.env["SEARCH_SHARD_PAGES"], options.shardPages ?? DEFAULT_SHARD_PAGES);
        const archive = archiveDir();
        const siteRules = await loadSiteRules(siteRulesPath(archive));
        const rules = {
          toHant: createConverter(TO_HANT, { siteRules }).rules,
          toHans: createConverter(TO_HANS, { siteRules }).rules,
        };
        logger.info("indexing article pages for search");
        try {
          const report = await buildSearchIndex({
            siteDir: fileURLToPath(dir),
            base,
            shardPages,
            rules,
            ...(cacheDir === undefined ? {} : { cacheDir }),
            ...(knownPagesFile === undefined ? {} : { knownPagesFile }),
            log: (message) => logger.info(message),
          });
          const counts = Object.entries(report.pages).map(([language, pages]) => `${pages} ${language}`);
          const reused = report.shards.filter((shard) => shard.reused).length;
          logger.info(
            `search index: ${counts.join(", ")} pages in ${report.seconds.toFixed(1)} s ` +
              `(${reused} of ${report.shards.length} shard(s) reused)`,
          );
        } catch (error) {
          throw new Error(`search indexing failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}

function shardSize(fromEnvironment: string | undefined, fallback: number): number {
  if (fromEnvironment === undefined || fromEnvironment === "") return fallback;
  const value = Number(fromEnvironment);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`SEARCH_SHARD_PAGES must be a positive whole number of pages, got "${fromEnvironment}"`);
  }
  return value;
}
