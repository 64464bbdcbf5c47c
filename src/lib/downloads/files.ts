import { citationFile, sourceFile, type CitationFormat } from "../browse/urls.ts";
import { bibtex } from "../cite/bibtex.ts";
import { cslJson } from "../cite/csl.ts";
import type { CitationItem } from "../cite/item.ts";
import { ris } from "../cite/ris.ts";

/**
 * An article's downloads: its citation in three reference manager formats and its
 * Markdown file as stored. They are written after the build (src/integrations/downloads.ts)
 * rather than rendered as four Astro routes per article, which cost about 0.6 ms of route
 * handling each for a few hundred bytes of text.
 */

/** What the downloads of one article are made from. */
export interface DownloadRecord {
  /** The article's citation facts in its original script, its permanent link as the cited URL. */
  item: CitationItem;
  /** The article's Markdown file in the archive. */
  source: string;
}

/** One file to write: its path in the built site's folder and its text, or the archive file it copies. */
export type DownloadFile = { path: string; text: string } | { path: string; copyOf: string };

const CITATIONS: Record<CitationFormat, (item: CitationItem) => string> = {
  bib: bibtex,
  ris,
  "csl.json": (item) => cslJson([item]),
};

/** The download files of one article, where the URLs its page links to lead. */
export function downloadFiles(record: DownloadRecord): DownloadFile[] {
  const id = record.item.id;
  return [
    ...(Object.keys(CITATIONS) as CitationFormat[]).map((format) => ({
      path: citationFile(id, format),
      text: CITATIONS[format](record.item),
    })),
    { path: sourceFile(id), copyOf: record.source },
  ];
}

/** The paths of an article's download files (those of downloadFiles), without making their text. */
export function downloadPaths(id: string): string[] {
  return [...(Object.keys(CITATIONS) as CitationFormat[]).map((format) => citationFile(id, format)), sourceFile(id)];
}

/** The handoff file the build writes for the downloads integration, which removes it. */
export const DOWNLOAD_LIST = "/data/downloads.jsonl";
