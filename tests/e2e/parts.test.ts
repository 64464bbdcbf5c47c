import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { globSync } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXwlbArchive, type XwlbArticle } from "../../bench/fixtures.ts";
import { folderHashes } from "../helpers/files.ts";
import { buildSite, freshPlace, runParts, type BuildResult } from "./support/build.ts";

/** Small shards, so that each part's search index is cut into several. */
const SHARD_PAGES = { SEARCH_SHARD_PAGES: "10" };

let articles: XwlbArticle[];
let parts: string[];
let whole: BuildResult;
let assembled: BuildResult;
let edited: XwlbArticle;
let rebuilt: BuildResult;
let wholeAfterEdit: BuildResult;

async function differingFiles(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([folderHashes(a), folderHashes(b)]);
  return Object.keys({ ...left, ...right }).filter((file) => left[file] !== right[file]);
}

function succeed(result: BuildResult, what: string): BuildResult {
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.output}`);
  return result;
}

beforeAll(() => {
  // Twelve news items, three times over three years apart: 2016, 2019 and 2022, a part each.
  const archive = mkdtempSync(path.join(tmpdir(), "parts-"));
  articles = writeXwlbArchive(archive, { limit: 12, repeat: 3 });
  appendFileSync(path.join(archive, "site.yaml"), "years_per_part: 1\n");
  whole = succeed(buildSite(archive, { ...freshPlace(), env: SHARD_PAGES }), "one-process build");

  const work = mkdtempSync(path.join(tmpdir(), "parts-work-"));
  const plan = succeed(runParts(archive, work, ["plan", "--json"], SHARD_PAGES), "plan");
  parts = (JSON.parse(plan.output.trim().split("\n").at(-1) as string) as { name: string }[]).map((p) => p.name);
  // Each part in a process of its own, as on machines of their own, then the assemble step.
  for (const part of parts) succeed(runParts(archive, work, ["part", part], SHARD_PAGES), `part ${part}`);
  assembled = succeed(runParts(archive, work, ["assemble"], SHARD_PAGES), "assemble");

  // One article of 2019, neither the first nor the last of its year, gets a new paragraph.
  edited = articles.filter((article) => article.day.startsWith("2019"))[5] as XwlbArticle;
  const file = path.join(archive, edited.file);
  writeFileSync(file, readFileSync(file, "utf8").replace(/<p>/, "<p>更正后的第一段。</p><p>"));
  rebuilt = succeed(runParts(archive, work, ["all"], SHARD_PAGES, "dist-after-edit"), "rebuild in parts");
  wholeAfterEdit = succeed(buildSite(archive, { ...freshPlace(), env: SHARD_PAGES }), "one-process rebuild");
});

describe("a site built in parts", () => {
  it("plans one part per year of the archive", () => {
    expect(parts).toEqual(["2016", "2019", "2022"]);
  });

  it("built as three parts in separate processes and assembled, is byte for byte the one-process build", async () => {
    expect(await differingFiles(assembled.outDir, whole.outDir)).toEqual([]);
    // Every article page and every search shard of every part is there.
    expect(globSync("zh-hans/articles/*/index.html", { cwd: assembled.outDir })).toHaveLength(articles.length);
    const shards = globSync("pagefind/*/pagefind-entry.json", { cwd: assembled.outDir }).map((f) => f.split("/")[1]);
    // Each part, 24 pages in shards of 10: two full shards, then tiers of 2 and 1, and the newest page.
    expect(shards.sort()).toEqual(
      ["2016", "2019", "2022"].flatMap((part) => [0, 1, 2, 3, 4].map((piece) => `${part}-${piece}`)),
    );
  });

  it("rebuilds only the part of a changed article, reusing the others, and still matches a one-process build", async () => {
    expect(rebuilt.output).toMatch(/part 2016: unchanged .*reused/);
    expect(rebuilt.output).toMatch(/part 2022: unchanged .*reused/);
    expect(rebuilt.output).toMatch(/part 2019: built/);
    const page = readFileSync(path.join(rebuilt.outDir, `zh-hans/articles/${edited.id}/index.html`), "utf8");
    expect(page).toContain("更正后的第一段。");
    expect(await differingFiles(rebuilt.outDir, wholeAfterEdit.outDir)).toEqual([]);
  });
});
