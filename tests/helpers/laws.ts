import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { articleFile } from "./archive.ts";
import { CORPUS } from "./corpus.ts";

/** The folder of real laws and regulations (see the corpus's README.md). */
export const LAWS_DIR = path.join(CORPUS, "laws");

/** One law file of the corpus: its title, the day in its file name, and its body. */
export interface LawFile {
  file: string;
  title: string;
  /** The version's day: from the file name (2023-09-01), else the latest day in the history lines. */
  day: string | undefined;
  /** The Markdown after the history lines (`<!-- INFO END -->`). */
  body: string;
}

/** Reads one law from the corpus, by path relative to the laws folder. */
export function readLaw(relative: string): LawFile {
  const text = readFileSync(path.join(LAWS_DIR, relative), "utf8");
  // A few files have no title line: their file name is the title.
  const title =
    /^#\s*(.+)$/m.exec(text)?.[1]?.trim() || path.basename(relative, ".md").replace(/\(\d{4}-\d{2}-\d{2}\)$/, "");
  const marker = text.indexOf("<!-- INFO END -->");
  const body = marker >= 0 ? text.slice(marker + "<!-- INFO END -->".length) : text.replace(/^#.*$/m, "");
  const history = marker >= 0 ? text.slice(0, marker) : "";
  const days = [...history.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(
    ([, y, m, d]) => `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`,
  );
  const day = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(relative)?.[1] ?? days.sort().at(-1);
  return { file: relative, title, day, body };
}

/** Every law file of the corpus, relative to the laws folder, sorted. */
export async function lawFiles(): Promise<string[]> {
  return (await glob("**/*.md", { cwd: LAWS_DIR })).sort();
}

/** The titles present in two or more versions, each with its files oldest first. */
export async function versionSets(): Promise<string[][]> {
  const byTitle = new Map<string, string[]>();
  for (const file of await lawFiles()) {
    const key = file.replace(/\(\d{4}-\d{2}-\d{2}\)\.md$/, "");
    byTitle.set(key, [...(byTitle.get(key) ?? []), file]);
  }
  return [...byTitle.values()]
    .filter((files) => files.length > 1)
    .map((files) => files.sort((a, b) => (readLaw(a).day ?? "").localeCompare(readLaw(b).day ?? "")));
}

/** Front matter fields to add to or override in a law's article file. */
export type LawFields = Record<string, string | undefined>;

/**
 * A law of the corpus as an archive article file (Simplified script, the version's
 * day as its date), with the given fields added, such as `supersedes`.
 */
export function lawArticle(law: LawFile, id: string, fields: LawFields = {}): string {
  return articleFile(
    { id, title: JSON.stringify(law.title), date: law.day ?? "2000-01-01", document_type: "法律", ...fields },
    law.body,
  );
}
