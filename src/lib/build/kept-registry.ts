import { unlinkSync } from "node:fs";

/**
 * The pages a build linked from the published site (kept-pages.ts), shared between the
 * build's integration, which links them, and the middleware, which runs in the pages' own
 * bundle: one process, two copies of every module, so the list lives on globalThis.
 */
const KEPT = Symbol.for("policy-archive.kept-pages");

type Shared = typeof globalThis & { [KEPT]?: Map<string, string> };

/** Makes the pages linked from the published site (pathname → file in the staging folder) known to the middleware. */
export function shareKeptPages(pages: Map<string, string>): void {
  (globalThis as Shared)[KEPT] = pages;
}

/**
 * Before a page is rendered again: unlinks the file linked from the published site at its
 * place, so the new page is written to a new file and the published one stays as it was.
 * `pathname` is the page's path as requested (percent-encoded), `base` the site's base path.
 */
export function releaseKeptPage(pathname: string, base: string): void {
  const pages = (globalThis as Shared)[KEPT];
  if (!pages || pages.size === 0) return;
  const decoded = decodeURI(pathname);
  const prefix = base.replace(/\/$/, "");
  const key =
    !pages.has(decoded) && prefix && decoded.startsWith(`${prefix}/`) ? decoded.slice(prefix.length) : decoded;
  const file = pages.get(key);
  if (file === undefined) return;
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  pages.delete(key);
}
