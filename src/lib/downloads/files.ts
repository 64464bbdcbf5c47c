import { citationFile, sourceFile, type CitationFormat } from "../browse/urls.ts";
import { bibtex } from "../cite/bibtex.ts";
import { cslJson } from "../cite/csl.ts";
import type { CitationItem } from "../cite/item.ts";
import { ris } from "../cite/ris.ts";

/**
 * An article's downloads: its citation in three reference manager formats and its
 * Markdown file as stored. The citations are carried by the article page itself as data
 * addresses (citationDataUrl), which a browser saves as files with no request and no
 * JavaScript; the Markdown file by its page in the original script when short enough
 * (src/lib/downloads/embedded.ts), and in the zip of its month's files always
 * (src/lib/downloads/bundle.ts). With `download_files: true` in site.yaml, each article has
 * files of its own as well: so a host counts about one file an article for downloads by
 * default, not four. They are written after the build (src/integrations/downloads.ts)
 * rather than rendered as Astro routes, which cost about 0.6 ms of route handling each.
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

/** Each reference manager format: how to write it, and its media type. */
const CITATIONS: Record<CitationFormat, { write: (item: CitationItem) => string; type: string }> = {
  bib: { write: bibtex, type: "application/x-bibtex" },
  ris: { write: ris, type: "application/x-research-info-systems" },
  "csl.json": { write: (item) => cslJson([item]), type: "application/vnd.citationstyles.csl+json" },
};

/** The reference manager formats, in the order pages list them. */
export const CITATION_FORMATS = Object.keys(CITATIONS) as CitationFormat[];

/** Whether each article has download files of its own (`download_files` in site.yaml), beside its month's zip. */
export interface DownloadChoice {
  articleFiles: boolean;
}

/** The files of one article's own (none unless `download_files`), where the URLs its page links to lead. */
export function downloadFiles(record: DownloadRecord, choice: DownloadChoice): DownloadFile[] {
  if (!choice.articleFiles) return [];
  const id = record.item.id;
  return [
    ...CITATION_FORMATS.map((format) => ({
      path: citationFile(id, format),
      text: CITATIONS[format].write(record.item),
    })),
    { path: sourceFile(id), copyOf: record.source },
  ];
}

/** The paths of an article's own download files (those of downloadFiles), without making their text. */
export function downloadPaths(id: string, choice: DownloadChoice): string[] {
  return choice.articleFiles ? [...CITATION_FORMATS.map((format) => citationFile(id, format)), sourceFile(id)] : [];
}

/**
 * An article's citation in a format as a data address (`data:…;base64,…`): a link to it with
 * a `download` name saves the file from the page itself, without JavaScript or a request.
 * Base64 rather than percent-encoding: a Chinese character takes 4 bytes in it, not 9.
 */
export function citationDataUrl(item: CitationItem, format: CitationFormat): string {
  const { write, type } = CITATIONS[format];
  return `data:${type};charset=utf-8;base64,${Buffer.from(write(item), "utf8").toString("base64")}`;
}

/** The handoff file the build writes for the downloads integration, which removes it. */
export const DOWNLOAD_LIST = "/data/downloads.jsonl";
