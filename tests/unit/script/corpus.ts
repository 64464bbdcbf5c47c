import { readdirSync, readFileSync } from "node:fs";
import { CORPUS as CORPUS_DIR } from "../../helpers/corpus.ts";

/** The shared corpus folder, with a trailing slash. */
export const CORPUS = `${CORPUS_DIR}/`;

/** Every xwlb transcript file name, sorted. */
export function xwlbFiles(): string[] {
  return readdirSync(`${CORPUS}xwlb`)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

/** The text of one corpus file, by path inside the corpus. */
export function readCorpus(relative: string): string {
  return readFileSync(`${CORPUS}${relative}`, "utf8");
}

/** An even spread of `count` xwlb transcripts across the whole period. */
export function xwlbSample(count: number): { name: string; text: string }[] {
  const files = xwlbFiles();
  const step = Math.max(1, Math.floor(files.length / count));
  return files
    .filter((_, index) => index % step === 0)
    .slice(0, count)
    .map((name) => ({ name, text: readCorpus(`xwlb/${name}`) }));
}
