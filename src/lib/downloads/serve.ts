import { readFile } from "node:fs/promises";
import { bundleMonth, markdownZip } from "./bundle.ts";
import { downloadFiles, type DownloadChoice, type DownloadRecord } from "./files.ts";

/** A download as the dev server sends it: its type and its bytes. */
export interface ServedDownload {
  type: string;
  body: Uint8Array | string;
}

const TYPES: [suffix: string, type: string][] = [
  [".bib", "application/x-bibtex; charset=utf-8"],
  [".ris", "application/x-research-info-systems; charset=utf-8"],
  [".csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
  [".zip", "application/zip"],
];

const MONTH_ZIP = /^data\/source\/(\d{4}-\d{2})\.zip$/;

/**
 * Whether a site path (without the base) is a download address: a month's zip
 * (`data/source/YYYY-MM.zip`) or an article's own file (`data/cite/<id>.<format>`,
 * `data/source/<id>.md`).
 */
export function isDownloadPath(sitePath: string): boolean {
  return MONTH_ZIP.test(sitePath) || articleOf(sitePath) !== undefined;
}

function articleOf(sitePath: string): string | undefined {
  return /^data\/(?:cite\/(.+?)\.(?:bib|ris|csl\.json)|source\/(.+)\.md)$/.exec(sitePath)?.slice(1).find(Boolean);
}

/**
 * One download, made the way the build writes it (src/lib/downloads/write.ts) from the
 * records of the build's download list; undefined when no article has that file, or when the
 * site's settings write no such files (an article's own files without `download_files`).
 */
export async function serveDownload(
  sitePath: string,
  records: readonly DownloadRecord[],
  choice: DownloadChoice,
): Promise<ServedDownload | undefined> {
  const type = TYPES.find(([suffix]) => sitePath.endsWith(suffix))?.[1] ?? "application/octet-stream";
  const month = MONTH_ZIP.exec(sitePath)?.[1];
  if (month !== undefined) {
    const members = records.filter((record) => bundleMonth(record.item.day) === month);
    if (members.length === 0) return undefined;
    const files = await Promise.all(
      members.map(async ({ item, source }) => ({ id: item.id, bytes: await readFile(source) })),
    );
    return { type, body: markdownZip(files) };
  }
  const id = articleOf(sitePath);
  const record = records.find((candidate) => candidate.item.id === id);
  const file = record && downloadFiles(record, choice).find((candidate) => candidate.path === sitePath);
  if (!file) return undefined;
  return { type, body: "text" in file ? file.text : await readFile(file.copyOf) };
}
