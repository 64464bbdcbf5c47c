import type { Script } from "../article/schema.ts";
import { sitePath } from "../site/base.ts";
import { homePath } from "../site/urls.ts";
import type { Facet } from "./facets.ts";

/**
 * Paths of the browse pages, feeds and data downloads (the scheme is documented in
 * docs/browse.md). Keys are percent-encoded here, in links; pages are written to
 * folders named by the plain key, which static hosts serve for the encoded path.
 */

/** Formats of the per-article citation downloads. */
export type CitationFormat = "bib" | "ris" | "csl.json";

/** Formats of the whole-archive exports. */
export type ExportFormat = "json" | "csv" | "jsonl";

const pageSuffix = (page: number): string => (page > 1 ? `${page}/` : "");

/** An archived page's number in an article list's address; the front page (no number) has none. */
const archivedSuffix = (page: number | undefined): string => (page === undefined ? "" : `${page}/`);

/** The browse overview. */
export function browsePath(script: Script): string {
  return `${homePath(script)}browse/`;
}

/** The articles whose originals were removed at their source, newest removal first. */
export function removedPath(script: Script): string {
  return `${browsePath(script)}removed/`;
}

/** The feed of articles removed at their source. */
export function removedFeedPath(script: Script): string {
  return `${removedPath(script)}feed.xml`;
}

/** The list of years and months. */
export function datesPath(script: Script): string {
  return `${browsePath(script)}dates/`;
}

/** A year (2022) or month (2022-09) page: its front page, or an archived page (src/lib/browse/paginate.ts `archivePages`). */
export function periodPath(script: Script, period: string, page?: number): string {
  return `${datesPath(script)}${period}/${archivedSuffix(page)}`;
}

/** The list of all groups of a facet (all persons, all sources...). */
export function facetPath(script: Script, facet: Facet, page = 1): string {
  return `${browsePath(script)}${facet}/${pageSuffix(page)}`;
}

/** The list of documents cited by others, most cited first. */
export function citedPath(script: Script, page = 1): string {
  return `${browsePath(script)}cited/${pageSuffix(page)}`;
}

/** The articles of one group (one person, one source...): its front page, or an archived page (`archivePages`). */
export function groupPath(script: Script, facet: Facet, key: string, page?: number): string {
  return `${browsePath(script)}${facet}/${encodeURIComponent(key)}/${archivedSuffix(page)}`;
}

/** The feed of the whole archive, or of one group. */
export function feedPath(script: Script, group?: { facet: Facet; key: string }): string {
  return group ? `${groupPath(script, group.facet, group.key)}feed.xml` : `${homePath(script)}feed.xml`;
}

/** A whole-archive export. */
export function exportPath(format: ExportFormat): string {
  return sitePath(`data/articles.${format}`);
}

/** Where an article's Markdown file lies in the built site's folder (no base: the output folder is the base). */
export function sourceFile(id: string): string {
  return `data/source/${id}.md`;
}

/** An article's Markdown file as stored in the archive. */
export function sourcePath(id: string): string {
  return sitePath(sourceFile(id));
}

/** Where the zip of one month's Markdown files (`YYYY-MM`) lies in the built site's folder. */
export function sourceBundleFile(month: string): string {
  return `data/source/${month}.zip`;
}

/** The zip of the Markdown files of the articles of one month (`YYYY-MM`), as stored. */
export function sourceBundlePath(month: string): string {
  return sitePath(sourceBundleFile(month));
}

/** Where an article's citation in a reference manager format lies in the built site's folder. */
export function citationFile(id: string, format: CitationFormat): string {
  return `data/cite/${id}.${format}`;
}

/** An article's citation in a reference manager format. */
export function citationPath(id: string, format: CitationFormat): string {
  return sitePath(citationFile(id, format));
}
