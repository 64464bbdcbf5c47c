import { loadSiteConfig, type SiteConfig } from "../lib/site/config.ts";

let cached: SiteConfig | undefined;

/**
 * The site settings, read once per build and shared by every page's layout, head and
 * citation (three reads of site.yaml a page otherwise). The dev server reads them on each
 * request instead, so edits show up.
 */
export function getSiteConfig(): SiteConfig {
  if (import.meta.env.DEV) return loadSiteConfig();
  cached ??= loadSiteConfig();
  return cached;
}
