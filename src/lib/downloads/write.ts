import { createHash } from "node:crypto";
import { createReadStream, linkSync, lstatSync } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileIdentity } from "../build/file-identity.ts";
import { readFileNoFollow } from "../fs/no-follow.ts";
import { sourceBundleFile } from "../browse/urls.ts";
import { bundleMonth, markdownZip } from "./bundle.ts";
import { DOWNLOAD_LIST, downloadFiles, downloadPaths, type DownloadChoice, type DownloadRecord } from "./files.ts";

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const PARALLEL_WRITES = 32;

/**
 * What the last build wrote for each article with files of its own (by id) and for each
 * month's zip (by `zip:YYYY-MM`): the signature of what the files were made from, and the
 * identity (size, modification time, inode) of each file as written, in the order of its paths.
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

/** Files written together: an article's own files, or one month's zip. */
interface DownloadUnit {
  key: string;
  signature: string;
  /** Paths in the site folder, in the order of the record's identities. */
  paths: string[];
  write: (siteDir: string) => Promise<void>;
}

/**
 * Writes the downloads of every article in a built site's download list (DOWNLOAD_LIST)
 * into the site folder being built, then removes the list: a zip of each month's Markdown
 * files, and each article's own files when `choice` asks for them. Files whose signature is
 * unchanged since the last build (`previous`) are taken from the published site
 * (`published`) instead, as hard links, when every one of them is still there and still the
 * file that build wrote (same size, modification time and inode): a file deleted or
 * altered since is written again.
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
  const written: DownloadUnit[] = [];
  const folderOf = async (target: string): Promise<void> => {
    const folder = path.dirname(target);
    if (folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    folders.add(folder);
  };
  const units: DownloadUnit[] = [];
  const months = new Map<string, { id: string; source: string; stamp: string }[]>();
  for await (const line of createInterface({ input: createReadStream(list, "utf8"), crlfDelay: Infinity })) {
    if (!line) continue;
    result.articles++;
    const record = JSON.parse(line) as DownloadRecord;
    const id = record.item.id;
    const stamp = await sourceStamp(record.source);
    const month = bundleMonth(record.item.day);
    const members = months.get(month) ?? [];
    members.push({ id, source: record.source, stamp });
    months.set(month, members);
    const paths = downloadPaths(id, choice);
    if (paths.length === 0) continue;
    units.push({
      key: id,
      signature: digest(`${line}\n${JSON.stringify(choice)}\n${stamp}`),
      paths,
      write: async (site) => {
        for (const file of downloadFiles(record, choice)) {
          await writeFile(path.join(site, file.path), "text" in file ? file.text : await readFileNoFollow(file.copyOf));
        }
      },
    });
  }
  for (const [month, members] of months) {
    units.push({
      key: `zip:${month}`,
      signature: digest(
        members
          .map(({ id, stamp }) => `${id}\t${stamp}`)
          .sort()
          .join("\n"),
      ),
      paths: [sourceBundleFile(month)],
      write: async (site) => {
        // One after another: a month may hold thousands, and open files are limited.
        const files = [];
        for (const { id, source } of members) files.push({ id, bytes: await readFileNoFollow(source) });
        await writeFile(path.join(site, sourceBundleFile(month)), markdownZip(files));
      },
    });
  }
  for (const unit of units) {
    result.files += unit.paths.length;
    const last = previous[unit.key];
    if (published !== undefined && last?.[0] === unit.signature) {
      const identities = await keptFrom(published, siteDir, unit.paths, last.slice(1), folderOf);
      if (identities) {
        result.kept += unit.paths.length;
        result.record[unit.key] = [unit.signature, ...identities];
        continue;
      }
    }
    written.push(unit);
    for (const file of unit.paths) await folderOf(path.join(siteDir, file));
    const writing: Promise<void> = unit.write(siteDir).then(() => void pending.delete(writing));
    pending.add(writing);
    if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
  }
  await Promise.all(pending);
  for (const unit of written) {
    const identities = await Promise.all(unit.paths.map((file) => identityOf(path.join(siteDir, file))));
    result.record[unit.key] = [unit.signature, ...identities];
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

/** What stands for a Markdown file's content: its path, size and modification time. */
async function sourceStamp(source: string): Promise<string> {
  const { size, mtimeMs } = await stat(source);
  return `${source} ${size} ${mtimeMs}`;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
