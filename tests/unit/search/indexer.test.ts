import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConverter, TO_HANS, TO_HANT } from "../../../src/lib/script/index.ts";
import { folderHashes } from "../../helpers/files.ts";
import { buildSearchIndex } from "../../../src/lib/search/indexer.ts";
import type { SearchManifest } from "../../../src/lib/search/manifest.ts";
import type { QueryTable } from "../../../src/lib/search/query-converter.ts";

const rules = { toHant: createConverter(TO_HANT).rules, toHans: createConverter(TO_HANS).rules };

/** A built site with article pages marked up as src/pages/[script]/articles/[id].astro does. */
function site(articles: { id: string; day: string; hans: string; hant: string }[], broken?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "search-site-"));
  for (const { id, day, hans, hant } of articles) {
    for (const [segment, lang, text] of [
      ["zh-hans", "zh-Hans", hans],
      ["zh-hant", "zh-Hant", hant],
    ] as const) {
      const file = path.join(dir, segment, "articles", id, "index.html");
      mkdirSync(path.dirname(file), { recursive: true });
      const indexed = id === broken ? "" : " data-pagefind-body";
      writeFileSync(
        file,
        `<!DOCTYPE html><html lang="${lang}"><head><title>${text}</title></head><body><main><article>` +
          `<header class="headline"${indexed}><h1>${text.slice(0, 8)}</h1></header>` +
          `<div class="article-body"${indexed}><p>${text}</p></div>` +
          `<span hidden data-pagefind-sort="date:${day}T00:00:00.000Z" data-pagefind-meta="date:${day}"></span>` +
          `<span hidden data-pagefind-filter="year:${day.slice(0, 4)}"></span></article></main></body></html>`,
      );
    }
  }
  return dir;
}

const ARTICLES = [
  {
    id: "a1",
    day: "2021-05-01",
    hans: "全面推进乡村振兴，巩固脱贫攻坚成果。",
    hant: "全面推進鄉村振興，鞏固脫貧攻堅成果。",
  },
  { id: "a2", day: "2022-06-02", hans: "扶贫干部深入基层。", hant: "扶貧幹部深入基層。" },
  { id: "a3", day: "2023-07-03", hans: "高质量发展是首要任务。", hant: "高質量發展是首要任務。" },
];

describe("building the search index", () => {
  it("indexes every article page in each script and describes the index for the search page", async () => {
    const dir = site(ARTICLES);
    const report = await buildSearchIndex({ siteDir: dir, shardPages: 100, rules });
    expect(report.pages).toEqual({ "zh-hans": 3, "zh-hant": 3 });
    for (const language of ["zh-hans", "zh-hant"]) {
      const manifest = JSON.parse(
        readFileSync(path.join(dir, "pagefind", `search.${language}.json`), "utf8"),
      ) as SearchManifest;
      expect(manifest.pages).toBe(3);
      expect(manifest.shards).toEqual(["/pagefind/0/"]);
      expect(existsSync(path.join(dir, "pagefind", "0", "pagefind.js"))).toBe(true);
      expect(existsSync(path.join(dir, "pagefind", "0", "pagefind-ui.js"))).toBe(false);
      const table = JSON.parse(readFileSync(path.join(dir, manifest.table), "utf8")) as QueryTable;
      expect(table.chain.length).toBeGreaterThan(0);
    }
    const entry = JSON.parse(readFileSync(path.join(dir, "pagefind", "0", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages["zh-hans"]?.page_count).toBe(3);
    expect(entry.languages["zh-hant"]?.page_count).toBe(3);
  });

  it("splits a large index into date-ordered shards, newest first in the manifest", async () => {
    const dir = site(ARTICLES);
    const report = await buildSearchIndex({ siteDir: dir, shardPages: 2, rules });
    expect(report.shards.map((shard) => shard.pages)).toEqual([2, 2, 2]);
    const manifest = JSON.parse(
      readFileSync(path.join(dir, "pagefind", "search.zh-hans.json"), "utf8"),
    ) as SearchManifest;
    expect(manifest.shards).toEqual(["/pagefind/2/", "/pagefind/1/", "/pagefind/0/"]);
    expect(manifest.sortBase).toBe(3);
    // The page lists a search by relevance needs after the newest shard's, which the page preloads.
    expect(manifest.lists?.map((list) => list.entry.split("?")[0])).toEqual([
      "/pagefind/1/pagefind-entry.json",
      "/pagefind/0/pagefind-entry.json",
    ]);
    for (const list of manifest.lists ?? []) expect(statSync(path.join(dir, list.meta)).size).toBe(list.bytes);
    // Each shard's pages were staged in a folder of their own, which is not published.
    expect(
      readdirSync(path.join(dir, "pagefind"))
        .filter((name) => !name.endsWith(".json"))
        .sort(),
    ).toEqual(["0", "1", "2"]);
  });

  it("fails, naming the page, when an article page cannot be indexed", async () => {
    const dir = site(ARTICLES, "a2");
    await expect(buildSearchIndex({ siteDir: dir, shardPages: 100, rules })).rejects.toThrow(
      /zh-han[st]\/articles\/a2\/index\.html: has no a data-pagefind-body element/,
    );
  });

  it("reuses the shards whose pages did not change, and gives what indexing everything gives", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "search-cache-"));
    const dir = site(ARTICLES);
    const first = await buildSearchIndex({ siteDir: dir, shardPages: 2, rules, cacheDir });
    expect(first.shards.map((shard) => shard.reused)).toEqual([false, false, false]);

    // A new article, newest of all: it lands in the last shard only.
    const grown = [...ARTICLES, { id: "a4", day: "2024-08-04", hans: "推进乡村振兴。", hant: "推進鄉村振興。" }];
    const again = site(grown);
    const second = await buildSearchIndex({ siteDir: again, shardPages: 2, rules, cacheDir });
    expect(second.shards.map((shard) => shard.reused)).toEqual([true, true, true, false]);

    const fresh = site(grown);
    await buildSearchIndex({ siteDir: fresh, shardPages: 2, rules });
    expect(await folderHashes(path.join(again, "pagefind"))).toEqual(await folderHashes(path.join(fresh, "pagefind")));
  });

  it("in a site folder kept between builds, notices a page written again and gives what indexing everything gives", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "search-kept-"));
    const options = {
      shardPages: 2,
      rules,
      cacheDir: path.join(work, "shards"),
      knownPagesFile: path.join(work, "pages.json"),
    };
    const dir = site(ARTICLES);
    await buildSearchIndex({ siteDir: dir, ...options });

    // The oldest article's page is rendered again with a correction; the others stay as they were.
    const corrected = ARTICLES.map((article) =>
      article.id === "a1" ? { ...article, hans: "全面推进乡村振兴，巩固拓展脱贫攻坚成果。" } : article,
    );
    const page = path.join(dir, "zh-hans/articles/a1/index.html");
    writeFileSync(page, readFileSync(path.join(site(corrected), "zh-hans/articles/a1/index.html")));
    const again = await buildSearchIndex({ siteDir: dir, ...options });
    expect(again.shards.map((shard) => shard.reused)).toEqual([false, true, true]);

    const fresh = site(corrected);
    await buildSearchIndex({ siteDir: fresh, shardPages: 2, rules });
    expect(await folderHashes(path.join(dir, "pagefind"))).toEqual(await folderHashes(path.join(fresh, "pagefind")));
  });
});
