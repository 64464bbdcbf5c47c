import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { conversionRules, loadSiteRules, siteRulesPath, TO_HANS, TO_HANT } from "../lib/script/index.ts";
import { buildRole } from "../lib/build/role.ts";
import { readRecords } from "../lib/build/record.ts";
import { buildSearchIndex, writeSearchManifests, type IndexOptions, type IndexReport } from "../lib/search/indexer.ts";
import { ShardCache } from "../lib/search/shard-cache.ts";
import { archiveDir, loadSiteConfig } from "../lib/site/config.ts";

/**
 * Pages per Pagefind index before the index is split into shards. Pagefind needs about
 * 0.2 MiB per page of Chinese text while indexing (docs/search.md), so a full shard of
 * 15,000 pages takes about 3 GiB beside Astro's own memory, which at 100,000 articles is
 * about as much again: together under 6 GiB.
 */
export const DEFAULT_SHARD_PAGES = 15_000;

/** Options of the search integration. */
export interface SearchIntegrationOptions {
  /** Pages per index shard; the SEARCH_SHARD_PAGES environment variable overrides it. */
  shardPages?: number;
}

/**
 * The indexing options for a built site: the shard size (SEARCH_SHARD_PAGES, else the
 * given default), the archive's override rules and its years per part. `npm run build:part`
 * indexes a part with them after Astro has exited.
 */
export async function searchIndexOptions(
  site: { siteDir: string; base: string; cacheDir?: string; log: (message: string) => void },
  defaultShardPages = DEFAULT_SHARD_PAGES,
): Promise<IndexOptions> {
  const archive = archiveDir();
  const siteRules = await loadSiteRules(siteRulesPath(archive));
  const yearsPerPart = loadSiteConfig(archive).years_per_part;
  return {
    ...site,
    shardPages: shardSize(process.env["SEARCH_SHARD_PAGES"], defaultShardPages),
    rules: {
      toHant: conversionRules(TO_HANT, { siteRules }),
      toHans: conversionRules(TO_HANS, { siteRules }),
    },
    ...(yearsPerPart === undefined ? {} : { yearsPerPart }),
  };
}

/**
 * Builds the full-text search index after the site is built (`astro:build:done`): every
 * article page in each script, with the query conversion tables the search page uses.
 * Any page that cannot be indexed fails the build. Shards whose pages did not change since
 * the last build are hard-linked from Astro's cache folder instead of indexed again. In a site
 * built in parts (src/lib/build/role.ts), `npm run build:part` indexes a part's shards once
 * Astro has exited, so that Astro's memory and Pagefind's never add up; the assemble step
 * writes the manifests and tables of every part's shards.
 */
export default function searchIntegration(options: SearchIntegrationOptions = {}): AstroIntegration {
  let base = "/";
  let cacheDir: string | undefined;
  let knownPagesFile: string | undefined;
  let pageCopies: string | undefined;
  let emptying: Promise<void> = Promise.resolve();
  return {
    name: "archive-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        // Astro's own cache folder, kept between builds: shards whose pages are unchanged are reused from it.
        cacheDir = fileURLToPath(new URL(`${SHARD_CACHE}/`, config.cacheDir));
        knownPagesFile = fileURLToPath(new URL("search-pages.json", config.cacheDir));
        // Where Astro's incremental build keeps its copy of each page it rendered.
        pageCopies = fileURLToPath(new URL("dist/", config.cacheDir));
      },
      "astro:build:start": ({ logger }) => {
        // The last build's staging folders, set aside in the cache's trash: removed beside
        // Astro's start and pages, which keep one core busy, not beside indexing, which keeps both.
        if (cacheDir === undefined) return;
        emptying = new ShardCache(cacheDir)
          .emptyTrash()
          .catch((error: unknown) => logger.warn(`could not empty the search cache's trash: ${String(error)}`));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const role = buildRole();
        if (role.kind === "part") return;
        const indexOptions = await searchIndexOptions(
          {
            siteDir: fileURLToPath(dir),
            base,
            ...(cacheDir === undefined ? {} : { cacheDir }),
            ...(knownPagesFile === undefined ? {} : { knownPagesFile }),
            ...(pageCopies === undefined ? {} : { pageCopies }),
            log: (message) => logger.info(message),
          },
          options.shardPages,
        );
        if (role.kind === "assemble") {
          const shards = (await readRecords(role.parts, "shards")).flat();
          await writeSearchManifests(indexOptions, shards);
          logger.info(`search manifests written for ${shards.length} shard(s) of ${role.parts.length} part(s)`);
          return;
        }
        logger.info("indexing article pages for search");
        try {
          await emptying;
          const report = await buildSearchIndex(indexOptions);
          logger.info(indexSummary(report));
        } catch (error) {
          throw new Error(`search indexing failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}

/** The folder of the search shard cache inside Astro's cache folder. */
export const SHARD_CACHE = "search-shards";

/** One line saying what an indexing run did. */
export function indexSummary(report: IndexReport): string {
  const counts = Object.entries(report.pages).map(([language, pages]) => `${pages} ${language}`);
  const reused = report.shards.filter((shard) => shard.reused).length;
  return (
    `search index: ${counts.join(", ")} pages in ${report.seconds.toFixed(1)} s ` +
    `(${reused} of ${report.shards.length} shard(s) reused)`
  );
}

function shardSize(fromEnvironment: string | undefined, fallback: number): number {
  if (fromEnvironment === undefined || fromEnvironment === "") return fallback;
  const value = Number(fromEnvironment);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`SEARCH_SHARD_PAGES must be a positive whole number of pages, got "${fromEnvironment}"`);
  }
  return value;
}
