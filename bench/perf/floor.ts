// The floor: the least work the job needs, with no site around it. Reads the archive with
// the site's loader, parses each body once with the site's Markdown processor, converts
// it to the other script with the site's converter, and writes both HTML files.
// Prints one JSON line (FloorTimes). Run: tsx bench/perf/floor.ts <archiveDir> <outDir>
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadArchive } from "../../src/lib/article/load.ts";
import type { ArticleMeta, Script } from "../../src/lib/article/schema.ts";
import { converterFor, viewMeta } from "../../src/lib/article/view.ts";
import { parseBody, treeToHtml } from "../../src/lib/markdown/render.ts";
import { convertTree } from "../../src/lib/script/index.ts";

/** Seconds the floor spent on each step, and what it wrote. */
export interface FloorTimes {
  articles: number;
  pages: number;
  bytes: number;
  seconds: number;
  /** CPU seconds (user and system, all threads) over the same span as `seconds`. */
  cpu: number;
  read: number;
  parse: number;
  /** Body trees and front matter converted to the other script (converter construction included). */
  convert: number;
  serialize: number;
  write: number;
}

const [archiveDir, outDir] = process.argv.slice(2);
if (!archiveDir || !outDir) throw new Error("usage: tsx bench/perf/floor.ts <archiveDir> <outDir>");

const times: FloorTimes = {
  articles: 0,
  pages: 0,
  bytes: 0,
  seconds: 0,
  cpu: 0,
  read: 0,
  parse: 0,
  convert: 0,
  serialize: 0,
  write: 0,
};
const cpuStart = process.cpuUsage();
const started = performance.now();
let mark = started;
/** Seconds since the previous lap. */
const lap = (): number => {
  const now = performance.now();
  const seconds = (now - mark) / 1000;
  mark = now;
  return seconds;
};

await rm(outDir, { recursive: true, force: true });
await Promise.all((["hans", "hant"] as const).map((script) => mkdir(path.join(outDir, script), { recursive: true })));
const { articles, problems } = await loadArchive(archiveDir);
if (problems.length > 0) throw new Error(`${problems.length} problem(s) in ${archiveDir}`);
times.read = lap();

const writePage = async (meta: ArticleMeta, script: Script, body: string): Promise<void> => {
  const html = `<!doctype html><html lang="zh-${script === "hans" ? "Hans" : "Hant"}"><meta charset="utf-8"><title>${escapeText(meta.title)}</title><h1>${escapeText(meta.title)}</h1>${body}</html>\n`;
  await writeFile(path.join(outDir, script, `${meta.id}.html`), html);
  times.bytes += Buffer.byteLength(html);
  times.pages++;
};

// Parsing once per article and converting the same tree after the original is written is
// the least work; the site does the same (bodyView keeps the tree for the other page).
for (const { meta, body } of articles) {
  const other: Script = meta.script === "hans" ? "hant" : "hans";
  lap();
  const tree = parseBody(body);
  times.parse += lap();
  const originalHtml = treeToHtml(tree);
  times.serialize += lap();
  await writePage(meta, meta.script, originalHtml);
  times.write += lap();
  const converter = converterFor(meta, other, archiveDir);
  if (converter) convertTree(tree, converter);
  const otherMeta = viewMeta(meta, other, archiveDir);
  times.convert += lap();
  const otherHtml = treeToHtml(tree);
  times.serialize += lap();
  await writePage(otherMeta, other, otherHtml);
  times.write += lap();
  times.articles++;
}
times.seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
times.cpu = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify(times));

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
