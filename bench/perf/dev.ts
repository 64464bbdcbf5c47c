import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startDevServer, type DevServer } from "../../tests/e2e/support/dev-server.ts";
import type { ArchiveFacts } from "./archives.ts";
import { WORK } from "./paths.ts";

/** What the maintainer's loop costs in the dev server (`npm run dev`) on one archive. */
export interface DevResult {
  articles: number;
  /** The first start on this archive, with an empty cache: every file read, every name found. */
  firstReadySeconds: number;
  /** From the first start to every name found, which a first start does while it answers. */
  namesFoundSeconds: number;
  /** A start with the cache the first one left, as a maintainer's every later start. */
  readySeconds: number;
  /** First answer of an article page in the default script, then of another, then the first in the other script. */
  firstPageSeconds: number;
  laterPageSeconds: number;
  otherScriptFirstSeconds: number;
  /** The first article page asked for again. */
  againSeconds: number;
  /** From saving an edit to an article's text to its page showing it. */
  bodyEditShownSeconds: number;
  /** From saving an edit to an article's title (its front matter) to its page showing it. */
  titleEditShownSeconds: number;
  /** From saving another edit to the title to the next article's page showing it in its link back (the whole-archive index). */
  titleEditListedSeconds: number;
  /** Resident memory of the server's processes after these pages. */
  memoryBytes: number;
}

const seconds = async (url: string): Promise<number> => {
  const started = performance.now();
  const answer = await fetch(url);
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
  return (performance.now() - started) / 1000;
};

/** Resident memory of every process in a process group (the dev server and npx), from /proc. */
function groupMemory(group: number): number {
  let bytes = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== group) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1];
      bytes += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return bytes;
}

/** Waits until a server that began finding names after answering has loaded again with them. */
async function namesFound(server: DevServer): Promise<void> {
  for (;;) {
    const output = server.output();
    const finding = output.indexOf("finding names in");
    if (finding < 0 || output.slice(finding).split("articles loaded").length > 2) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Saves an edit to a file and waits until each page shows the mark the edit wrote, one
 * page after the other; returns the seconds from the save to each.
 */
async function editShown<const Shown extends readonly { url: string; mark: string }[]>(
  file: string,
  edit: (text: string) => string,
  shown: Shown,
): Promise<{ [K in keyof Shown]: number }> {
  const started = performance.now();
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  const seconds: number[] = [];
  for (const { url, mark } of shown) {
    for (;;) {
      const html = await (await fetch(url)).text();
      if (html.includes(mark)) break;
      if (performance.now() - started > 60_000) throw new Error(`the edit did not show within 60 s at ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds as { [K in keyof Shown]: number };
}

/**
 * Starts the dev server on an archive with an empty cache and again with the cache it left,
 * opens article pages, edits one article's text and then its title, and measures each step.
 */
export async function measureDev(archive: ArchiveFacts, progress: (message: string) => void): Promise<DevResult> {
  const cache = path.join(WORK, "dev-cache");
  rmSync(cache, { recursive: true, force: true });
  progress(`dev server on ${archive.articles} articles, first start`);
  const port = await freePort();
  const started = performance.now();
  const first = await startDevServer(archive.dir, cache, { timeoutMs: 600_000, port });
  await seconds(`${first.url}/zh-hans/articles/${archive.medianId}/`);
  // A first start finds names while it answers; the next start reuses what it found.
  await namesFound(first);
  const namesFoundSeconds = (performance.now() - started) / 1000;
  await first.close();
  progress(`dev server on ${archive.articles} articles, next start`);
  const server = await startDevServer(archive.dir, cache, { timeoutMs: 600_000, port });
  try {
    const page = (script: "hans" | "hant", id: string) => `${server.url}/zh-${script}/articles/${id}/`;
    const firstPageSeconds = await seconds(page("hans", archive.medianId));
    const laterPageSeconds = await seconds(page("hans", archive.longestId));
    const otherScriptFirstSeconds = await seconds(page("hant", archive.medianId));
    const againSeconds = await seconds(page("hans", archive.medianId));
    const memoryBytes = groupMemory(server.pid);
    const file = findArticleFile(archive.dir, archive.medianId);
    const bodyMark = `编辑于${Date.now()}`;
    const [bodyEditShownSeconds] = await editShown(
      file,
      (text) => text.replace(/\n---\n/, `\n---\n\n${bodyMark}。\n`),
      [{ url: page("hans", archive.medianId), mark: bodyMark }],
    );
    const next = /<a href="([^"]+)" rel="next"/.exec(await (await fetch(page("hans", archive.medianId))).text())?.[1];
    if (!next) throw new Error(`no link to the next article on ${archive.medianId}'s page`);
    // A maintainer's pause between edits, then a look at the next page: the store has the
    // body's edit by then, and the page has loaded it.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await seconds(`${server.url}${next}`);
    // Letters only: digits in a title are set apart from the words around them on the page.
    const titleMark = `edit${Date.now()
      .toString(26)
      .replace(/\d/g, (digit) => "qrstuvwxyz"[Number(digit)]!)}`;
    // The article's own page reads its file on each request; the next article's page takes
    // the title from the whole-archive index, once the content store has the edit.
    const [titleEditShownSeconds, titleEditListedSeconds] = await editShown(
      file,
      (text) => text.replace(/^title: (["']?)/m, `title: $1${titleMark}`),
      [
        // In the headline: the page also carries its Markdown file as stored.
        { url: page("hans", archive.medianId), mark: `<h1>${titleMark}` },
        { url: `${server.url}${next}`, mark: titleMark },
      ],
    );
    return {
      articles: archive.articles,
      firstReadySeconds: first.readySeconds,
      namesFoundSeconds,
      readySeconds: server.readySeconds,
      firstPageSeconds,
      laterPageSeconds,
      otherScriptFirstSeconds,
      againSeconds,
      bodyEditShownSeconds,
      titleEditShownSeconds,
      titleEditListedSeconds,
      memoryBytes,
    };
  } finally {
    await server.close();
  }
}

function findArticleFile(dir: string, id: string): string {
  const file = (readdirSync(path.join(dir, "articles"), { recursive: true }) as string[]).find(
    (name) => path.basename(name) === `${id}.md`,
  );
  if (!file) throw new Error(`no file for ${id}`);
  return path.join(dir, "articles", file);
}

/** The dev section of the report. */
export function formatDev(result: DevResult): string[] {
  const s = (value: number) => `${value.toFixed(2)} s`;
  return [
    `dev server (npm run dev), ${result.articles} articles:`,
    `  ready, first start (empty cache) ${s(result.firstReadySeconds)}`,
    `  every name found, first start    ${s(result.namesFoundSeconds)}`,
    `  ready, next start               ${s(result.readySeconds)}`,
    `  first article page              ${s(result.firstPageSeconds)}`,
    `  another article page            ${s(result.laterPageSeconds)}`,
    `  first page in the other script  ${s(result.otherScriptFirstSeconds)}`,
    `  the first page again            ${s(result.againSeconds)}`,
    `  edit to the text shown          ${s(result.bodyEditShownSeconds)}`,
    `  edit to the title shown         ${s(result.titleEditShownSeconds)}`,
    `  … in the next article's link    ${s(result.titleEditListedSeconds)}`,
    `  memory (resident, all processes) ${(result.memoryBytes / 2 ** 20).toFixed(0)} MiB`,
  ];
}
