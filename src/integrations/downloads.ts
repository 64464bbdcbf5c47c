import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { writeDownloads } from "../lib/downloads/write.ts";
import { readBuildRecord } from "../lib/site/build-record.ts";
import type { KeptOutput } from "./output.ts";

/**
 * Writes every article's downloads (BibTeX, RIS, CSL-JSON and its Markdown file) after
 * the build (`astro:build:done`), from the list one route of the build wrote
 * (src/pages/data/downloads.jsonl.ts), and removes the list. In a kept site folder
 * (src/integrations/output.ts) the downloads of unchanged articles stay as they are.
 */
export default function downloadsIntegration(output: KeptOutput): AstroIntegration {
  return {
    name: "archive-downloads",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const record = path.join(output.cacheDir, "downloads.json");
        const previous = output.kept ? ((await readBuildRecord<Record<string, string>>(record)) ?? {}) : {};
        const { articles, files, kept, signatures } = await writeDownloads(fileURLToPath(dir), previous);
        output.keep(kept);
        await writeFile(record, JSON.stringify(signatures));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${files - kept.length} download files of ${articles} articles written in ${seconds} s ` +
            `(${kept.length} kept from the last build)`,
        );
      },
    },
  };
}
