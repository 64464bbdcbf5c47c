import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeArchive } from "../helpers/archive.ts";
import { folderHashes } from "../helpers/files.ts";
import { generateArticles, seededRandom, writeGeneratedArticles } from "../helpers/generated.ts";
import { buildSite, freshPlace, startBuild, type BuildPlace } from "./support/build.ts";

/**
 * Builds stopped at random moments of each phase, with each of the signals a build meets
 * (SIGKILL: the out-of-memory killer, a CI job cancelled hard; SIGTERM: a service stopped;
 * SIGINT: Ctrl-C), must leave the published site byte for byte as the last good build left
 * it, search included, and the next build must succeed and equal a clean build. The moments
 * are drawn from a seed (FAULT_SEED, printed) so that a failure can be replayed.
 */

const ARTICLES = 120;
const SEED = Number(process.env["FAULT_SEED"] ?? 20261206);

/** Where to stop a build: after the line that opens a phase, within `spreadMs` of it, with a signal. */
interface KillPoint {
  phase: string;
  after: string;
  spreadMs: number;
  signal: NodeJS.Signals;
}

const PHASES = {
  loading: { after: "articles loaded", spreadMs: 1_500 },
  pages: { after: "generating static routes", spreadMs: 4_000 },
  search: { after: "indexing article pages for search", spreadMs: 4_000 },
  publishing: { after: "search index:", spreadMs: 300 },
} as const;

const POINTS: KillPoint[] = (
  [
    ["loading", "SIGINT"],
    ["pages", "SIGKILL"],
    ["pages", "SIGTERM"],
    ["pages", "SIGINT"],
    ["search", "SIGKILL"],
    ["search", "SIGTERM"],
    ["search", "SIGINT"],
    ["publishing", "SIGKILL"],
  ] as const
).map(([phase, signal]) => ({ phase, signal, ...PHASES[phase] }));

let archive: string;
let place: BuildPlace;
/** The last good site before the changes, and the site a clean build makes after them. */
let before: Record<string, string>;
let after: Record<string, string>;

beforeAll(async () => {
  archive = makeArchive({});
  const articles = generateArticles(ARTICLES);
  writeGeneratedArticles(archive, articles);
  place = freshPlace();
  const first = buildSite(archive, place);
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
  before = await folderHashes(place.outDir);
  // What the interrupted builds would publish: one article added, one corrected, one withdrawn.
  const [added] = generateArticles(1, SEED);
  writeGeneratedArticles(archive, [
    {
      ...added!,
      id: "2025-01-01-added",
      file: "2025/01/2025-01-01-added.md",
      fields: { ...added!.fields, id: "2025-01-01-added", date: "2025-01-01" },
    },
  ]);
  const corrected = path.join(archive, "articles", articles[100]!.file);
  writeFileSync(corrected, readFileSync(corrected, "utf8").replace(/^title: .*$/m, "title: 更正后的标题"));
  rmSync(path.join(archive, "articles", articles[50]!.file));
  const clean = buildSite(archive, freshPlace());
  if (clean.status !== 0) throw new Error(`clean build failed:\n${clean.output}`);
  after = await folderHashes(clean.outDir);
});

describe("a build stopped at any moment", () => {
  it("leaves the published site as the last good build left it, and the next build equals a clean one", async () => {
    const random = seededRandom(SEED);
    console.log(`stopping builds at moments drawn from FAULT_SEED=${SEED}`);
    expect(Object.keys(before).some((file) => file.startsWith("pagefind/"))).toBe(true);
    for (const point of POINTS) {
      const delay = Math.floor(random() * point.spreadMs);
      const build = startBuild(archive, place);
      try {
        await build.reached(point.after);
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        build.kill(point.signal);
      }
      const result = await build.done;
      const published = await folderHashes(place.outDir);
      // A build stopped after its last step published the new site, whole.
      const which = equal(published, before)
        ? "the last good site"
        : equal(published, after)
          ? "the new site"
          : "neither";
      console.log(
        `${point.signal} ${delay} ms into ${point.phase} (status ${String(result.status)}): ${which} published`,
      );
      expect(which, `${point.signal} ${delay} ms into ${point.phase}`).not.toBe("neither");
    }
    const next = buildSite(archive, place);
    expect(next.status, next.output).toBe(0);
    expect(await folderHashes(next.outDir)).toEqual(after);
  }, 900_000);
});

function equal(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe("two builds at once", () => {
  it("let the first finish and stop the others at once, naming the first", async () => {
    // A clean build, so that the first is still at work when the others start.
    const shared = freshPlace();
    const first = startBuild(archive, shared);
    await first.reached("articles loaded");
    const other = makeArchive({});
    writeGeneratedArticles(other, generateArticles(3, 7));
    const [same, sameFolder] = await Promise.all([
      startBuild(archive, shared).done,
      // Another archive, with a cache of its own, built into the same site folder.
      startBuild(other, { ...shared, cacheDir: mkdtempSync(path.join(tmpdir(), "cache-")) }).done,
    ]);
    expect(same.status).not.toBe(0);
    expect(same.output).toMatch(new RegExp(`The archive .* is in use by .*\\(process ${first.pid}`));
    expect(sameFolder.status).not.toBe(0);
    expect(sameFolder.output).toMatch(/The site folder .* is in use by/);
    const done = await first.done;
    expect(done.status, done.output).toBe(0);
    expect(await folderHashes(shared.outDir)).toEqual(after);
  }, 300_000);
});
