import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { cnameFile, robotsTxt } from "../lib/publish/host-files.ts";
import { precompressSite } from "../lib/publish/precompress.ts";
import type { SiteConfig } from "../lib/site/config.ts";

/**
 * The last build step (`astro:build:done`, after search and sitemap): writes robots.txt,
 * CNAME when the site settings ask for it, and, when they ask for it, .gz and .br copies
 * of every text file the earlier steps wrote.
 */
export default function publishIntegration(site: SiteConfig): AstroIntegration {
  return {
    name: "archive-publish",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        await writeFile(new URL("robots.txt", dir), robotsTxt(site.url));
        if (site.cname) await writeFile(new URL("CNAME", dir), cnameFile(site.url));
        if (!site.precompress) return;
        const report = await precompressSite(fileURLToPath(dir));
        const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
        logger.info(
          `precompressed ${report.files} files (${kib(report.bytes)}) to ${kib(report.gzipBytes)} gzip and ` +
            `${kib(report.brotliBytes)} Brotli in ${report.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}
