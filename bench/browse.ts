// Build time of the browsing pages (year and month pages, facet pages, feeds) and of the
// data downloads, on archives of xwlb articles with browse fields, at 2,000 and all ~11,700
// articles by default; and the browse index built in-process. Figures come from one run per
// size: Astro's per-page timings in the build log, and wall time. Growth is linear when the
// time per article stays the same from size to size (ratio near 1). On a busy machine a few
// pages take one pause each (garbage collection, other processes): the figures are given
// with and without pages of 50 ms or more, and the medians are the steadiest.
// Prints figures; never passes or fails. Archives and build logs stay in bench/out/browse-<n>/;
// --reuse reads those logs again instead of building (to look at a run another way).
// Run: npx tsx bench/browse.ts [--reuse] [sizes...]   (both sizes take 10-20 minutes: run it in the background)
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadArchive } from "../src/lib/article/load.ts";
import type { Script } from "../src/lib/article/schema.ts";
import { viewMeta } from "../src/lib/article/view.ts";
import { FACETS } from "../src/lib/browse/facets.ts";
import { buildBrowseIndex } from "../src/lib/browse/index.ts";
import { writeXwlbBrowseArchive } from "../tests/helpers/xwlb.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reuse = process.argv.includes("--reuse");
const sizes = process.argv
  .slice(2)
  .filter((arg) => arg !== "--reuse")
  .map(Number);
if (sizes.length === 0) sizes.push(2000, Infinity);

/** A page taking this long or longer is counted as a pause rather than as work. */
const PAUSE_MS = 50;

/** What a built path is, for summing its generation time. */
function kind(pathname: string): string {
  if (pathname.endsWith("/feed.xml")) return "feeds";
  if (pathname.includes("/browse/")) return "browse pages";
  if (/^\/data\/articles\./.test(pathname)) return "exports";
  if (pathname.startsWith("/data/")) return "article downloads";
  if (pathname.includes("/articles/")) return "article pages";
  return "other pages";
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};

/** Milliseconds per generated file, by kind, from a build log. */
function timings(log: string): Map<string, number[]> {
  const kinds = new Map<string, number[]>();
  // Astro logs each path with the time since the previous one: "(+12ms)", or "(+2.51s)" past a second.
  for (const match of readFileSync(log, "utf8").matchAll(/[├└]─ (\/\S+) \(\+([\d.]+)(ms|s)\)/g)) {
    const name = kind(match[1] ?? "");
    const ms = Number(match[2]) * (match[3] === "s" ? 1000 : 1);
    const times = kinds.get(name);
    if (times) times.push(ms);
    else kinds.set(name, [ms]);
  }
  return kinds;
}

interface Result {
  articles: number;
  wall?: number;
  indexMs: number;
  footerMs: number;
  kinds: Map<string, number[]>;
}

const results: Result[] = [];
for (const size of sizes) {
  const work = path.join(ROOT, "bench/out", `browse-${Number.isFinite(size) ? size : "all"}`);
  const archive = path.join(work, "archive");
  const log = path.join(work, "build.log");
  if (!reuse) {
    rmSync(work, { recursive: true, force: true });
    writeXwlbBrowseArchive(archive, { limit: size });
  }

  // The index as the build makes it, then what the article pages ask of it in both scripts;
  // median of three runs, the first of which also pays for building the converters.
  const { articles: loaded } = await loadArchive(archive);
  const indexRuns: number[] = [];
  const footerRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    let start = performance.now();
    const index = buildBrowseIndex(
      loaded.map(({ meta, body }) => ({ meta, body })),
      { view: (meta, script) => viewMeta(meta, script, archive) },
    );
    indexRuns.push(performance.now() - start);
    start = performance.now();
    for (const script of ["hans", "hant"] as Script[]) {
      for (const meta of index.articles) {
        index.neighbours(meta.id);
        index.related(meta.id).forEach((other) => index.view(other, script));
      }
      for (const facet of FACETS) for (const group of index.groups(facet)) index.label(group, script);
    }
    footerRuns.push(performance.now() - start);
  }
  const indexMs = quantile(indexRuns, 0.5);
  const footerMs = quantile(footerRuns, 0.5);

  let wall: number | undefined;
  if (!reuse) {
    const fd = openSync(log, "w");
    const start = performance.now();
    const build = spawnSync("npx", ["astro", "build", "--outDir", path.join(work, "dist")], {
      cwd: ROOT,
      env: {
        ...process.env,
        ARCHIVE_DIR: archive,
        ASTRO_CACHE_DIR: path.join(work, "cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", fd, fd],
    });
    wall = (performance.now() - start) / 1000;
    closeSync(fd);
    if (build.status !== 0) throw new Error(`the build of ${loaded.length} articles failed; see ${log}`);
    rmSync(path.join(work, "dist"), { recursive: true, force: true });
  }
  const result: Result = { articles: loaded.length, indexMs, footerMs, kinds: timings(log), ...(wall ? { wall } : {}) };
  results.push(result);

  console.log(`\n${result.articles} articles${wall ? `: build ${wall.toFixed(1)} s wall` : ""}`);
  console.log(
    `  browse index ${indexMs.toFixed(0)} ms; neighbours, related and labels for all pages ${footerMs.toFixed(0)} ms`,
  );
  for (const [name, times] of [...result.kinds].sort()) {
    const perArticle = sum(times) / result.articles;
    console.log(
      `  ${name.padEnd(18)} ${String(times.length).padStart(6)} files ${(sum(times) / 1000).toFixed(1).padStart(6)} s` +
        `  median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms` +
        `  ${perArticle.toFixed(2)} ms per article`,
    );
  }
}

/** Browse pages and feeds: all their time, and their time without pauses, per article. */
function browse(result: Result): { total: number; steady: number; pauses: number; median: number } {
  const times = [...(result.kinds.get("browse pages") ?? []), ...(result.kinds.get("feeds") ?? [])];
  const steady = times.filter((ms) => ms < PAUSE_MS);
  return {
    total: sum(times) / result.articles,
    steady: sum(steady) / result.articles,
    pauses: times.length - steady.length,
    median: quantile(times, 0.5),
  };
}

const first = results[0];
const last = results.at(-1);
if (first && last && last !== first) {
  const [a, b] = [browse(first), browse(last)];
  console.log(
    `\nbrowse pages and feeds, ms per article: ${a.total.toFixed(2)} at ${first.articles}, ${b.total.toFixed(2)} at ${last.articles}`,
  );
  console.log(`  ratio ${(b.total / a.total).toFixed(2)} (1.00 is linear growth)`);
  console.log(
    `  without pauses of ${PAUSE_MS} ms or more (${a.pauses} and ${b.pauses} pages): ` +
      `${a.steady.toFixed(2)} and ${b.steady.toFixed(2)} ms per article, ratio ${(b.steady / a.steady).toFixed(2)}`,
  );
  console.log(`  median per page: ${a.median.toFixed(1)} and ${b.median.toFixed(1)} ms`);
  console.log(
    `browse index, ms per article: ratio ${(last.indexMs / last.articles / (first.indexMs / first.articles)).toFixed(2)}; ` +
      `footer lookups: ratio ${(last.footerMs / last.articles / (first.footerMs / first.articles)).toFixed(2)}`,
  );
}
