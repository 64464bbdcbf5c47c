import { writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { sitemapFiles } from "../lib/browse/sitemap.ts";

/**
 * Writes sitemap-index.xml and its sitemaps into the built site (`astro:build:done`),
 * listing every page in both scripts with its hreflang alternates.
 */
export default function sitemapIntegration(): AstroIntegration {
  let site: string | undefined;
  return {
    name: "archive-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site;
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        if (!site) throw new Error("the sitemap needs the site's address: set `url` in site.yaml");
        const files = sitemapFiles(
          pages.map((page) => page.pathname),
          site,
        );
        for (const file of files) await writeFile(new URL(file.name, dir), file.text);
        logger.info(`${files.length - 1} sitemap file(s) written`);
      },
    },
  };
}
