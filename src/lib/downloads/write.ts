import { createReadStream } from "node:fs";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { DOWNLOAD_LIST, downloadFiles, type DownloadRecord } from "./files.ts";

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const PARALLEL_WRITES = 32;

/**
 * Writes the downloads of every article in a built site's download list (DOWNLOAD_LIST),
 * then removes the list; returns how many articles and files.
 */
export async function writeDownloads(siteDir: string): Promise<{ articles: number; files: number }> {
  const list = path.join(siteDir, DOWNLOAD_LIST);
  const folders = new Set<string>();
  const pending = new Set<Promise<void>>();
  let articles = 0;
  let files = 0;
  for await (const line of createInterface({ input: createReadStream(list, "utf8"), crlfDelay: Infinity })) {
    if (!line) continue;
    articles++;
    for (const file of downloadFiles(JSON.parse(line) as DownloadRecord)) {
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
      files++;
      if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
    }
  }
  await Promise.all(pending);
  await rm(list);
  return { articles, files };
}
