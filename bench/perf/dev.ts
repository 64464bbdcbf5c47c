import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDevServer } from "../../tests/e2e/support/dev-server.ts";
import type { ArchiveFacts } from "./archives.ts";
import { WORK } from "./paths.ts";

/** What the maintainer's loop costs in the dev server (`npm run dev`) on one archive. */
export interface DevResult {
  articles: number;
  readySeconds: number;
  /** First answer of an article page in the default script, then of another, then the first in the other script. */
  firstPageSeconds: number;
  laterPageSeconds: number;
  otherScriptFirstSeconds: number;
  /** From saving an edited article to its page showing the edit. */
  editShownSeconds: number;
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

/** Starts the dev server on an archive, opens article pages, edits one article, and measures each step. */
export async function measureDev(archive: ArchiveFacts, progress: (message: string) => void): Promise<DevResult> {
  progress(`dev server on ${archive.articles} articles`);
  const server = await startDevServer(archive.dir, path.join(WORK, "dev-cache"), 600_000);
  try {
    const page = (script: "hans" | "hant", id: string) => `${server.url}/zh-${script}/articles/${id}/`;
    const firstPageSeconds = await seconds(page("hans", archive.medianId));
    const laterPageSeconds = await seconds(page("hans", archive.longestId));
    const otherScriptFirstSeconds = await seconds(page("hant", archive.medianId));
    const memoryBytes = groupMemory(server.pid);
    const file = findArticleFile(archive.dir, archive.medianId);
    const mark = `编辑于${Date.now()}`;
    const started = performance.now();
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n/, `\n---\n\n${mark}。\n`));
    for (;;) {
      const html = await (await fetch(page("hans", archive.medianId))).text();
      if (html.includes(mark)) break;
      if (performance.now() - started > 60_000) throw new Error("the edit did not show within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const editShownSeconds = (performance.now() - started) / 1000;
    return {
      articles: archive.articles,
      readySeconds: server.readySeconds,
      firstPageSeconds,
      laterPageSeconds,
      otherScriptFirstSeconds,
      editShownSeconds,
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
    `  ready (home page answered)      ${s(result.readySeconds)}`,
    `  first article page              ${s(result.firstPageSeconds)}`,
    `  another article page            ${s(result.laterPageSeconds)}`,
    `  first page in the other script  ${s(result.otherScriptFirstSeconds)}`,
    `  edit shown                      ${s(result.editShownSeconds)}`,
    `  memory (resident, all processes) ${(result.memoryBytes / 2 ** 20).toFixed(0)} MiB`,
  ];
}
