/**
 * The site's base: the path of `url` in site.yaml ("/" for a site at a host's root,
 * "/policy-archive/" for a GitHub Pages project site). Every address the site writes,
 * in pages, feeds, data files and scripts, goes through `sitePath` so that the site
 * works wherever it is published.
 */

/** The base path of a site address: "https://example.github.io/archive" gives "/archive/". */
export function basePath(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/** A path relative to the site's root ("zh-hans/browse/", with or without a leading slash) under `base`. */
export function withBase(base: string, path: string): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/, "")}`;
}

/** Set by astro.config.mjs (Vite `define`) in the pages and browser scripts it builds. */
declare const __ARCHIVE_BASE__: string | undefined;

/**
 * The base of the site being built, which astro.config.mjs writes into pages and browser
 * scripts alike at build time; "/" elsewhere (unit tests, maintainer commands). Not
 * `import.meta.env.BASE_URL`: Astro lets a BASE_URL environment variable override that
 * in pages, and Vitest sets one.
 */
export function siteBase(): string {
  return typeof __ARCHIVE_BASE__ === "string" ? __ARCHIVE_BASE__ : "/";
}

/** The absolute path of a file or page of the site being built: `sitePath("favicon.svg")`. */
export function sitePath(path: string): string {
  return withBase(siteBase(), path);
}
