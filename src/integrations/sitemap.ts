import { writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { sitemapFiles } from "../lib/browse/sitemap.ts";
import { readRecords, writeRecord } from "../lib/build/record.ts";
import { buildRole } from "../lib/build/role.ts";

/**
 * Writes sitemap-index.xml and its sitemaps into the built site (`astro:build:done`),
 * listing every page in both scripts with its hreflang alternates. A part of a site built
 * in parts records its pages instead, and the assemble step lists every part's pages too.
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
        const role = buildRole();
        const pathnames = pages.map((page) => page.pathname);
        if (role.kind === "part") {
          await writeRecord(role.record, "pages", pathnames);
          return;
        }
        const parts = role.kind === "assemble" ? (await readRecords(role.parts, "pages")).flat() : [];
        const files = sitemapFiles([...pathnames, ...parts], site);
        for (const file of files) await writeFile(new URL(file.name, dir), file.text);
        logger.info(`${files.length - 1} sitemap file(s) written`);
      },
    },
  };
}
