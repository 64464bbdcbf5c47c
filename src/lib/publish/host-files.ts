import { basePath } from "../site/base.ts";

/** The sitemap index's address: the sitemap integration writes it at the site's base. */
export function sitemapUrl(siteUrl: string): string {
  return new URL(`${basePath(siteUrl)}sitemap-index.xml`, siteUrl).href;
}

/**
 * robots.txt: every page may be crawled, and the sitemap is named. Crawlers read it at
 * a host's root only, so a site under a sub-path relies on the host's own (docs/publishing.md).
 */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl(siteUrl)}\n`;
}

/** A CNAME file: the custom domain (the host of `url`) for hosts that read it, such as GitHub Pages built from a branch. */
export function cnameFile(siteUrl: string): string {
  return `${new URL(siteUrl).hostname}\n`;
}
