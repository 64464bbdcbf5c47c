import { createHash } from "node:crypto";
import { createReadStream, linkSync, lstatSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileIdentity } from "../build/file-identity.ts";
import { readFileNoFollow } from "../fs/no-follow.ts";
import { DOWNLOAD_LIST, downloadFiles, downloadPaths, type DownloadChoice, type DownloadRecord } from "./files.ts";

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const PARALLEL_WRITES = 32;

/**
 * What the last build wrote for each article (by id): the signature of what the files were
 * made from, and the identity (size, modification time, inode) of each file as written, in
 * the order of downloadPaths.
 */
export type DownloadsRecord = Record<string, [signature: string, ...identities: string[]]>;

/** What writeDownloads did. */
export interface DownloadsWritten {
  articles: number;
  files: number;
  /** Files taken from the published site rather than written. */
  kept: number;
  /** This build's record, to give the next build as `previous`. */
  record: DownloadsRecord;
}

/**
 * Writes the downloads of every article in a built site's download list (DOWNLOAD_LIST)
 * into the site folder being built, then removes the list. An article whose record and
 * Markdown file are unchanged since the last build (`previous`) takes its files from the
 * published site (`published`) instead, as hard links, when every one of them is still there
 * and still the file that build wrote (same size, modification time and inode): a file
 * deleted or altered since is written again.
 */
export async function writeDownloads(
  siteDir: string,
  published: string | undefined,
  previous: Readonly<DownloadsRecord>,
  choice: DownloadChoice,
): Promise<DownloadsWritten> {
  const list = path.join(siteDir, DOWNLOAD_LIST);
  const folders = new Set<string>();
  const pending = new Set<Promise<void>>();
  const result: DownloadsWritten = { articles: 0, files: 0, kept: 0, record: {} };
  const written = new Map<string, [signature: string, targets: string[]]>();
  const folderOf = async (target: string): Promise<void> => {
    const folder = path.dirname(target);
    if (folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    folders.add(folder);
  };
  for await (const line of createInterface({ input: createReadStream(list, "utf8"), crlfDelay: Infinity })) {
    if (!line) continue;
    result.articles++;
    const record = JSON.parse(line) as DownloadRecord;
    const id = record.item.id;
    const signature = await downloadSignature(`${line}\n${JSON.stringify(choice)}`, record.source);
    const paths = downloadPaths(id, choice);
    result.files += paths.length;
    const last = previous[id];
    if (published !== undefined && last?.[0] === signature) {
      const identities = await keptFrom(published, siteDir, paths, last.slice(1), folderOf);
      if (identities) {
        result.kept += paths.length;
        result.record[id] = [signature, ...identities];
        continue;
      }
    }
    const targets = downloadFiles(record, choice).map((file) => ({ file, target: path.join(siteDir, file.path) }));
    written.set(id, [signature, targets.map(({ target }) => target)]);
    for (const { file, target } of targets) {
      await folderOf(target);
      const writing: Promise<void> = (async () => {
        await writeFile(target, "text" in file ? file.text : await readFileNoFollow(file.copyOf));
      })().then(() => void pending.delete(writing));
      pending.add(writing);
      if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
    }
  }
  await Promise.all(pending);
  for (const [id, [signature, targets]] of written) {
    result.record[id] = [signature, ...(await Promise.all(targets.map(identityOf)))];
  }
  await rm(list);
  return result;
}

/**
 * Links an article's files from the published site into the new one when each is still the
 * file the last build wrote; returns their identities, or undefined (having linked nothing
 * at all) when any is missing or changed.
 */
async function keptFrom(
  published: string,
  siteDir: string,
  paths: readonly string[],
  identities: readonly string[],
  folderOf: (target: string) => Promise<void>,
): Promise<string[] | undefined> {
  const sources = paths.map((file) => path.join(published, file));
  for (const [index, source] of sources.entries()) {
    let identity: string;
    try {
      const stats = lstatSync(source);
      if (!stats.isFile()) return undefined;
      identity = fileIdentity(stats);
    } catch {
      return undefined;
    }
    if (identity !== identities[index]) return undefined;
  }
  for (const [index, source] of sources.entries()) {
    const target = path.join(siteDir, paths[index] as string);
    await folderOf(target);
    linkSync(source, target);
  }
  return [...identities];
}

async function identityOf(file: string): Promise<string> {
  return fileIdentity(await stat(file));
}

/** What an article's downloads are made from: its record and the choice of files, and its Markdown file by size and modification time. */
async function downloadSignature(line: string, source: string): Promise<string> {
  const { size, mtimeMs } = await stat(source);
  return createHash("sha256").update(`${line}\n${size} ${mtimeMs}`).digest("hex");
}
