import { readFile } from "node:fs/promises";
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
];

/**
 * The id of the article a site path (without the base) would download from, when it is one
 * of the download addresses (`data/cite/<id>.<format>`, `data/source/<id>.md`).
 */
export function downloadId(sitePath: string): string | undefined {
  return /^data\/(?:cite\/(.+?)\.(?:bib|ris|csl\.json)|source\/(.+)\.md)$/.exec(sitePath)?.slice(1).find(Boolean);
}

/**
 * One download, made the way the build writes it (src/lib/downloads/write.ts) from the
 * records of the build's download list; undefined when no article has that file, or when the
 * site's settings write no such files (citation files without `download_files`).
 */
export async function serveDownload(
  sitePath: string,
  records: readonly DownloadRecord[],
  choice: DownloadChoice,
): Promise<ServedDownload | undefined> {
  const id = downloadId(sitePath);
  const record = records.find((candidate) => candidate.item.id === id);
  const file = record && downloadFiles(record, choice).find((candidate) => candidate.path === sitePath);
  if (!file) return undefined;
  const type = TYPES.find(([suffix]) => sitePath.endsWith(suffix))?.[1] ?? "application/octet-stream";
  return { type, body: "text" in file ? file.text : await readFile(file.copyOf) };
}
