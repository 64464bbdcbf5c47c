import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { DOWNLOAD_LIST, downloadFiles, downloadPaths, type DownloadRecord } from "./files.ts";

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const PARALLEL_WRITES = 32;

/** What writeDownloads did. */
export interface DownloadsWritten {
  articles: number;
  files: number;
  /** Files left as the last build wrote them, paths relative to the site folder. */
  kept: string[];
  /** Each article's signature (by id), to give the next build as `previous`. */
  signatures: Record<string, string>;
}

/**
 * Writes the downloads of every article in a built site's download list (DOWNLOAD_LIST),
 * then removes the list. Given the signatures of the last build into the same, kept
 * folder (`previous`), an article whose record and Markdown file (by size and time) are
 * unchanged keeps the files already there instead.
 */
export async function writeDownloads(
  siteDir: string,
  previous: Readonly<Record<string, string>> = {},
): Promise<DownloadsWritten> {
  const list = path.join(siteDir, DOWNLOAD_LIST);
  const folders = new Set<string>();
  const pending = new Set<Promise<void>>();
  const result: DownloadsWritten = { articles: 0, files: 0, kept: [], signatures: {} };
  for await (const line of createInterface({ input: createReadStream(list, "utf8"), crlfDelay: Infinity })) {
    if (!line) continue;
    result.articles++;
    const record = JSON.parse(line) as DownloadRecord;
    const signature = await downloadSignature(line, record.source);
    result.signatures[record.item.id] = signature;
    if (previous[record.item.id] === signature) {
      const paths = downloadPaths(record.item.id);
      result.files += paths.length;
      result.kept.push(...paths.map((file) => file.replace(/^\//, "")));
      continue;
    }
    const files = downloadFiles(record);
    result.files += files.length;
    for (const file of files) {
      const target = path.join(siteDir, file.path);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      const written: Promise<void> = (
        "text" in file ? writeFile(target, file.text) : copyFile(file.copyOf, target)
      ).then(() => void pending.delete(written));
      pending.add(written);
      if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
    }
  }
  await Promise.all(pending);
  await rm(list);
  return result;
}

/** What an article's downloads are made from: its record, and its Markdown file by size and modification time. */
async function downloadSignature(line: string, source: string): Promise<string> {
  const { size, mtimeMs } = await stat(source);
  return createHash("sha256").update(`${line}\n${size} ${mtimeMs}`).digest("hex");
}
