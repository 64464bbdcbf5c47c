import type { Script } from "../article/schema.ts";
import { basePath, withBase } from "../site/base.ts";

/**
 * Sitemaps (sitemaps.org 0.9) of the pages in both scripts, each URL with its
 * hreflang alternates (the same path under the other script's segment). Written
 * here rather than with @astrojs/sitemap, whose alternate lookup compares every
 * page with every other: fine for a blog, minutes for a 100,000-article archive.
 * This is linear in the number of pages.
 */

/** URLs per sitemap file; the protocol allows 50,000. */
export const URLS_PER_SITEMAP = 45_000;

const SEGMENTS: Record<string, Script> = { "zh-hans": "hans", "zh-hant": "hant" };
const HREFLANG: Record<Script, string> = { hans: "zh-Hans", hant: "zh-Hant" };

/** One written file: its name in the site's root folder and its text. */
export interface SitemapFile {
  name: string;
  text: string;
}

/**
 * The sitemap files for a site's page paths (as Astro lists them, `zh-hans/browse/`,
 * relative to the site's base), for the site published at `siteUrl`.
 * Only HTML pages under a script segment are listed: the root redirect, the 404 page,
 * feeds and data files are left out.
 */
export function sitemapFiles(pathnames: readonly string[], siteUrl: string): SitemapFile[] {
  const base = basePath(siteUrl);
  const at = (pathname: string): string => new URL(withBase(base, pathname), siteUrl).href;
  const byPath = new Map<string, Partial<Record<Script, string>>>();
  for (const raw of pathnames) {
    const pathname = raw.replace(/^\/+/, "");
    const [segment = "", ...rest] = pathname.split("/");
    const script = SEGMENTS[segment];
    if (!script || !pathname.endsWith("/")) continue;
    const path = rest.join("/");
    const variants = byPath.get(path) ?? {};
    variants[script] = at(pathname);
    byPath.set(path, variants);
  }
  const entries = [...byPath.keys()].sort().flatMap((path) => {
    const variants = byPath.get(path) ?? {};
    const links = (["hans", "hant"] as const).flatMap((script) => {
      const href = variants[script];
      return href ? [`<xhtml:link rel="alternate" hreflang="${HREFLANG[script]}" href="${xml(href)}"/>`] : [];
    });
    return (["hans", "hant"] as const).flatMap((script) => {
      const loc = variants[script];
      return loc ? [`<url><loc>${xml(loc)}</loc>${links.length > 1 ? links.join("") : ""}</url>`] : [];
    });
  });
  const files: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += URLS_PER_SITEMAP) {
    files.push({
      name: `sitemap-${files.length}.xml`,
      text:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
        `${entries.slice(start, start + URLS_PER_SITEMAP).join("\n")}\n</urlset>\n`,
    });
  }
  const index =
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    files.map((file) => `<sitemap><loc>${xml(at(file.name))}</loc></sitemap>\n`).join("") +
    "</sitemapindex>\n";
  return [{ name: "sitemap-index.xml", text: index }, ...files];
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
