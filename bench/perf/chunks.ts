import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DEFAULT_SHARD_PAGES } from "../../src/integrations/search.ts";
import { CHUNK_SIZE_VARIABLE, DEFAULT_CHUNK_POSTINGS } from "../../src/lib/search/pagefind-cli.ts";
import { serveSite } from "../../tests/e2e/support/server.ts";
import { folderSize } from "./files.ts";
import { count, kb, mb, median, times } from "./format.ts";
import { measureFirstSearch, PROFILES, type FirstSearchCase } from "./first-search.ts";
import { ROOT, TSX } from "./paths.ts";

/**
 * Which word-chunk size makes a first search by relevance cheapest, over the shards a build
 * cuts against one index of the same pages. Each search by relevance asks every shard for the
 * chunk holding each word; Pagefind's chunks hold PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE postings
 * (20,000 by default). The kept site is indexed again for each size and layout (each a real
 * indexing of its pages), and the same searches are made in Chromium; bytes and requests do
 * not depend on the machine's load, so these are measured once.
 */

/** Pagefind's own default, what every size is compared with. */
const PAGEFIND_DEFAULT = 20_000;

/** The chunk sizes compared (the build's, DEFAULT_CHUNK_POSTINGS, among them). */
const SIZES = [...new Set([PAGEFIND_DEFAULT, 8_000, DEFAULT_CHUNK_POSTINGS, 4_000, 2_000])];

/**
 * Searches by relevance opened cold, so that every download of the search is counted (typed,
 * some load while the query is typed): common and rarer words, each script, and across scripts.
 */
const SEARCHES: FirstSearchCase[] = [
  { script: "zh-hans", query: "经济", start: "cold" },
  { script: "zh-hans", query: "乡村振兴", start: "cold" },
  { script: "zh-hans", query: "习近平 会见", start: "cold" },
  { script: "zh-hant", query: "疫情防控", start: "cold" },
  { script: "zh-hant", query: "高质量发展", start: "cold" },
];

/** How the pages are cut into indexes. */
interface Layout {
  name: string;
  shardPages: number;
  yearsPerPart?: number;
}

/** One size and layout: the bundle, and what the searches fetched. */
export interface ChunkRun {
  postings: number;
  layout: string;
  shards: number;
  indexBytes: number;
  indexFiles: number;
  /** Medians over the searches, up to results ranked over every shard: the word chunks' bytes, all bytes, and requests. */
  chunkBytes: number;
  searchBytes: number;
  requests: number;
}

/**
 * Indexes the site for each chunk size as one index, as the build cuts it, and as a build in
 * parts of one year cuts it, and measures the searches; then indexes it as the build did.
 */
export async function measureChunks(
  archiveDir: string,
  siteDir: string,
  browser: Browser,
  progress: (message: string) => void,
): Promise<ChunkRun[]> {
  const layouts: Layout[] = [
    { name: "one index", shardPages: Number.MAX_SAFE_INTEGER },
    { name: "shards of the build", shardPages: DEFAULT_SHARD_PAGES },
    { name: "parts of a year", shardPages: DEFAULT_SHARD_PAGES, yearsPerPart: 1 },
  ];
  const runs: ChunkRun[] = [];
  try {
    for (const postings of SIZES) {
      for (const layout of layouts) {
        progress(`word chunks of ${count(postings)} postings, ${layout.name}: indexing`);
        const shards = reindex(archiveDir, siteDir, layout, postings);
        const bundle = await folderSize(path.join(siteDir, "pagefind"));
        const server = await serveSite(siteDir);
        const measured = [];
        try {
          for (const search of SEARCHES) {
            measured.push(await measureFirstSearch(browser, server.url, search, PROFILES.fast4g));
          }
        } finally {
          await server.close();
        }
        runs.push({
          postings,
          layout: layout.name,
          shards,
          indexBytes: bundle.bytes,
          indexFiles: bundle.files,
          // Until the results are ranked over every shard, not only the newest shards' first ones.
          chunkBytes: median(measured.map((run) => run.rankedChunkBytes)),
          searchBytes: median(measured.map((run) => run.rankedBytes)),
          requests: median(measured.map((run) => run.rankedRequests)),
        });
      }
    }
  } finally {
    // As the build left it.
    reindex(archiveDir, siteDir, { name: "build", shardPages: DEFAULT_SHARD_PAGES }, DEFAULT_CHUNK_POSTINGS);
  }
  return runs;
}

/** Indexes the site again in a process of its own (as a build does); returns the number of shards. */
function reindex(archiveDir: string, siteDir: string, layout: Layout, postings: number): number {
  const script = path.join(ROOT, "bench/perf/reindex.ts");
  const args = [TSX, script, archiveDir, siteDir, String(layout.shardPages), String(layout.yearsPerPart ?? "")];
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, [CHUNK_SIZE_VARIABLE]: String(postings) },
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`indexing again failed:\n${child.stderr.slice(-2000)}`);
  const report = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as { shards?: unknown[] };
  return report.shards?.length ?? 0;
}

/** The report block: each size and layout against one index of 20,000-posting chunks. */
export function formatChunks(articles: number, runs: readonly ChunkRun[]): string[] {
  const base = runs.find((run) => run.postings === PAGEFIND_DEFAULT && run.layout === "one index");
  const lines = [
    `word chunks, ${count(articles)} articles: first searches by relevance opened cold (medians of ${SEARCHES.length})`,
    "    postings, layout: word-chunk bytes (x one index of 20,000); all bytes; requests; shards; bundle",
  ];
  for (const run of runs) {
    const ratio = base && base.chunkBytes > 0 ? ` (${times(run.chunkBytes / base.chunkBytes)})` : "";
    lines.push(
      `    ${count(run.postings)}, ${run.layout}: ${kb(run.chunkBytes)}${ratio}; ${kb(run.searchBytes)}; ` +
        `${run.requests}; ${run.shards}; ${mb(run.indexBytes)} in ${count(run.indexFiles)} files`,
    );
  }
  return lines;
}
