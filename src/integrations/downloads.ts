import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { writeDownloads } from "../lib/downloads/write.ts";

/**
 * Writes every article's downloads (BibTeX, RIS, CSL-JSON and its Markdown file) after
 * the build (`astro:build:done`), from the list one route of the build wrote
 * (src/pages/data/downloads.jsonl.ts), and removes the list.
 */
export default function downloadsIntegration(): AstroIntegration {
  return {
    name: "archive-downloads",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const { articles, files } = await writeDownloads(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${files} download files of ${articles} articles written in ${seconds} s`);
      },
    },
  };
}
