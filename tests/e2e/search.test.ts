import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXwlbArchive, type XwlbArticle } from "../../bench/fixtures.ts";
import { measureFirstSearch, PROFILES } from "../../bench/perf/first-search.ts";
import { formatChineseDay } from "../../src/lib/article/display.ts";
import type { SearchManifest } from "../../src/lib/search/manifest.ts";
import { SAMPLE_ARTICLE } from "../helpers/archive.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { resultPaths, searchSettled } from "./support/search-page.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/** The Taiyuan sample: Traditional original, with a Simplified page made at build time. */
const TAIYUAN = "/articles/2020-03-04-1h89qg/";

let articles: XwlbArticle[];
let build: BuildResult;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const archive = mkdtempSync(path.join(tmpdir(), "search-archive-"));
  articles = writeXwlbArchive(archive, { limit: 200 });
  copyFileSync(SAMPLE_ARTICLE, path.join(archive, "articles", path.basename(SAMPLE_ARTICLE)));
  // Small shards, so that the test also covers searching several shards together.
  const shardPages = process.env["SEARCH_SHARD_PAGES"];
  process.env["SEARCH_SHARD_PAGES"] = "150";
  try {
    build = buildSite(archive);
  } finally {
    if (shardPages === undefined) delete process.env["SEARCH_SHARD_PAGES"];
    else process.env["SEARCH_SHARD_PAGES"] = shardPages;
  }
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  console.log(`search fixture (${articles.length + 1} articles) built in ${build.seconds.toFixed(1)} s`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs a search from the search page's form, as a reader does, and waits for the outcome. */
async function search(page: Page, script: "zh-hans" | "zh-hant", query: string): Promise<void> {
  if (!page.url().includes(`/${script}/search/`)) await page.goto(`${server.url}/${script}/search/`);
  await page.locator("#search-q").fill(query);
  await page.locator("#search-q").press("Enter");
  await searchSettled(page);
}

/** Presses "more" until `count` results are listed. */
async function showResults(page: Page, count: number): Promise<void> {
  while ((await page.locator(".search-result").count()) < count) {
    const before = await page.locator(".search-result").count();
    await page.locator("[data-search-more]").click();
    await expect.poll(() => page.locator(".search-result").count()).toBeGreaterThan(before);
    // A reader presses again once the page of results has come in whole.
    await page.waitForFunction(() => !document.querySelector("[data-search-results][aria-busy]"));
  }
}

/** The number in the status line ("找到 12 篇文章。"), and whether it is only a lower bound ("至少"). */
async function statusCount(page: Page): Promise<{ count: number; partial: boolean }> {
  const status = (await page.locator("[data-search-status]").textContent()) ?? "";
  return { count: Number(/(\d+) 篇/.exec(status)?.[1] ?? Number.NaN), partial: status.includes("至少") };
}

/** Every result of the search on the page, pressing "more" until the count is reached. */
async function allResults(page: Page): Promise<string[]> {
  await showResults(page, (await statusCount(page)).count);
  return resultPaths(page);
}

/**
 * Opens a page that notes which shards (/pagefind/<name>/) it fetches anything from, or
 * only files whose names match `files`.
 */
async function pageNotingShards(files = /./): Promise<{ page: Page; shards: Set<string> }> {
  const page = await browser.newPage();
  const shards = new Set<string>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    const shard = /\/pagefind\/(\d+)\//.exec(pathname)?.[1];
    if (shard !== undefined && files.test(pathname)) shards.add(shard);
  });
  return { page, shards };
}

/**
 * What a search itself reads from a shard: its words, filters and excerpts. The search page
 * preloads every shard's page list whatever the order (a search by relevance, the default,
 * needs them all).
 */
const SEARCH_READS = /\.pf_(index|filter|fragment)$/;

/**
 * Checks that a search fetched only the newest shards, newest first without a gap, and not
 * all of them (the newest shard is small, so a first page may need the next ones too).
 */
function expectNewestShardsOnly(fetched: Set<string>, shards: string[]): void {
  expect(fetched.size).toBeGreaterThan(0);
  expect(fetched.size).toBeLessThan(shards.length);
  expect([...fetched]).toEqual(shards.slice(0, fetched.size));
}

/** The shard names of a script's index, newest first, from its manifest. */
function shardNames(language: string): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(build.outDir, "pagefind", `search.${language}.json`), "utf8"),
  ) as SearchManifest;
  return manifest.shards.map((url) => url.split("/").at(-2) ?? "");
}

/** Every result of a search by relevance over every shard, as a reader typing it on a loaded search page gets it. */
async function wholeRanking(query: string): Promise<string[]> {
  const page = await browser.newPage();
  await search(page, "zh-hans", query);
  const ranked = await allResults(page);
  await page.close();
  return ranked;
}

/**
 * Opens a page whose requests for the page lists of every shard but the newest wait until
 * `release` is called, as on a slow network; `since` is the newest shard's first day.
 */
async function pageWithOlderListsHeld(language: string): Promise<{ page: Page; release: () => void; since: string }> {
  const manifest = JSON.parse(
    readFileSync(path.join(build.outDir, "pagefind", `search.${language}.json`), "utf8"),
  ) as SearchManifest;
  const since = manifest.since?.[0];
  if (!since) throw new Error("the manifest gives no shard's first day");
  const held = new Set((manifest.lists ?? []).map((list) => new URL(list.meta, server.url).pathname));
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const page = await browser.newPage();
  await page.route(
    (url) => held.has(url.pathname),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return { page, release, since };
}

async function resultDays(page: Page): Promise<string[]> {
  return page
    .locator(".search-result-meta time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
}

describe("full-text search", () => {
  it("puts every article page of each script in the index", () => {
    for (const language of ["zh-hans", "zh-hant"]) {
      const manifest = JSON.parse(
        readFileSync(path.join(build.outDir, "pagefind", `search.${language}.json`), "utf8"),
      ) as SearchManifest;
      expect(manifest.pages, language).toBe(articles.length + 1);
      expect(manifest.shards.length, language).toBeGreaterThan(1);
    }
  });

  it("finds a Simplified query on Simplified pages, with the query in the address", async () => {
    const expected = articles.find((article) => article.title.includes("乡村振兴"));
    expect(expected).toBeDefined();
    const page = await browser.newPage();
    await search(page, "zh-hans", "乡村振兴");
    expect(decodeURIComponent(page.url())).toContain("?q=乡村振兴");
    expect((await resultPaths(page)).slice(0, 10)).toContain(`/zh-hans/articles/${expected?.id}/`);
    const first = page.locator(".search-result").first();
    await expect(first.locator("mark").first().textContent()).resolves.toMatch(/乡村|振兴/);
    await expect(first.locator(".search-result-meta").textContent()).resolves.toMatch(/\d{4}年\d{2}月\d{2}日/);
    await page.close();
  });

  it("finds a Traditional query on Traditional pages", async () => {
    const page = await browser.newPage();
    await search(page, "zh-hant", "掛牌督戰");
    expect((await resultPaths(page))[0]).toBe(`/zh-hant${TAIYUAN}`);
    await expect(page.locator(".search-result-meta").first().textContent()).resolves.toContain("山西日報");
    await page.close();
  });

  it("finds Traditional pages with a Simplified query, and Simplified pages with a Traditional one", async () => {
    const page = await browser.newPage();
    await search(page, "zh-hant", "脱贫攻坚");
    await expect(page.locator("[data-search-status]").textContent()).resolves.toContain("脫貧攻堅");
    expect((await resultPaths(page)).slice(0, 10)).toContain(`/zh-hant${TAIYUAN}`);
    await expect(page.locator(".search-result-excerpt mark").first().textContent()).resolves.toMatch(/[脫貧攻堅]/);

    const expected = articles.find((article) => article.title.includes("乡村振兴"));
    await search(page, "zh-hans", "鄉村振興");
    expect((await resultPaths(page)).slice(0, 10)).toContain(`/zh-hans/articles/${expected?.id}/`);
    await search(page, "zh-hans", "乡村振興");
    expect((await resultPaths(page)).slice(0, 10)).toContain(`/zh-hans/articles/${expected?.id}/`);
    await page.close();
  });

  it("narrows results with filters that combine, kept in the address", async () => {
    const page = await browser.newPage();
    await search(page, "zh-hans", "习近平");
    const everything = await resultPaths(page);
    expect(everything.length).toBeGreaterThan(1);
    await page.locator("[data-search-filters] summary").click();
    const source = page.locator('select[name="source"]');
    await expect.poll(() => source.locator("option").count()).toBeGreaterThan(1);
    await source.selectOption("山西日报");
    await searchSettled(page);
    expect(decodeURIComponent(page.url())).toContain("source=山西日报");
    expect(await resultPaths(page)).toEqual([`/zh-hans${TAIYUAN}`]);

    await source.selectOption("央视网");
    await searchSettled(page);
    await page.locator('select[name="year"]').selectOption("2022");
    await searchSettled(page);
    expect(decodeURIComponent(page.url())).toContain("source=央视网");
    expect(decodeURIComponent(page.url())).toContain("year=2022");
    const days = await resultDays(page);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((day) => day.startsWith("2022-"))).toBe(true);
    expect(await resultPaths(page)).not.toContain(`/zh-hans${TAIYUAN}`);
    await page.close();
  });

  it("sorts by date across every shard, newest or oldest first", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("发展")}&sort=newest`);
    await searchSettled(page);
    await showResults(page, 40);
    const newest = await resultDays(page);
    expect(newest).toEqual([...newest].sort().reverse());

    await page.locator('select[name="sort"]').selectOption("oldest");
    await searchSettled(page);
    await showResults(page, 40);
    const oldest = await resultDays(page);
    expect(oldest).toEqual([...oldest].sort());
    expect(oldest[0]).toBe("2020-03-04");
    await page.close();
  });

  it("searches newest first in the newest shards only, as far as needed, with the first page a search of every shard gives", async () => {
    const shards = shardNames("zh-hans");
    const query = `?q=${encodeURIComponent("发展")}`;
    // The reference: every shard searched at the reader's request.
    const everything = await browser.newPage();
    await everything.goto(`${server.url}/zh-hans/search/${query}&sort=newest`);
    await searchSettled(everything);
    await everything.locator("[data-search-all]").click();
    await expect.poll(async () => (await statusCount(everything)).partial).toBe(false);
    const total = await statusCount(everything);
    expect(total.partial).toBe(false);
    const full = await allResults(everything);
    expect(full).toHaveLength(total.count);
    await everything.close();

    const { page, shards: fetched } = await pageNotingShards(SEARCH_READS);
    await page.goto(`${server.url}/zh-hans/search/${query}&sort=newest`);
    await searchSettled(page);
    expectNewestShardsOnly(fetched, shards);
    const first = await statusCount(page);
    expect(first.partial).toBe(true);
    expect(first.count).toBeLessThan(total.count);
    expect(await resultPaths(page)).toEqual(full.slice(0, 10));
    await expect(page.locator("[data-search-all]").isVisible()).resolves.toBe(true);

    // Asking for more searches older shards as needed, and ends with every result in the same order.
    await showResults(page, total.count);
    await expect.poll(() => statusCount(page)).toEqual(total);
    expect(await resultPaths(page)).toEqual(full);
    expect([...fetched].sort()).toEqual([...shards].sort());
    await expect(page.locator("[data-search-more]").isVisible()).resolves.toBe(false);
    await expect(page.locator("[data-search-all]").isVisible()).resolves.toBe(false);
    await page.close();

    // The complete count on request.
    const counted = await pageNotingShards(SEARCH_READS);
    await counted.page.goto(`${server.url}/zh-hans/search/${query}&sort=newest`);
    await searchSettled(counted.page);
    await counted.page.locator("[data-search-all]").click();
    await expect.poll(() => statusCount(counted.page)).toEqual(total);
    expect([...counted.shards].sort()).toEqual([...shards].sort());
    expect(await resultPaths(counted.page)).toEqual(full.slice(0, 10));
    await counted.page.close();
  });

  it("searches oldest first in the oldest shard only, with the first page a search of every shard gives", async () => {
    const shards = shardNames("zh-hans");
    const address = `${server.url}/zh-hans/search/?q=${encodeURIComponent("发展")}&sort=oldest`;
    const everything = await browser.newPage();
    await everything.goto(address);
    await searchSettled(everything);
    await everything.locator("[data-search-all]").click();
    await expect.poll(async () => (await statusCount(everything)).partial).toBe(false);
    const full = await allResults(everything);
    await everything.close();

    // The search itself reads the words of the oldest shard only.
    const { page, shards: fetched } = await pageNotingShards(/\.pf_index$/);
    await page.goto(address);
    await searchSettled(page);
    expect([...fetched]).toEqual([shards.at(-1)]);
    await expect(statusCount(page)).resolves.toMatchObject({ partial: true });
    expect(await resultPaths(page)).toEqual(full.slice(0, 10));
    const days = await resultDays(page);
    expect(days).toEqual([...days].sort());
    await showResults(page, full.length);
    expect(await resultPaths(page)).toEqual(full);
    await page.close();
  });

  it("loads the filter menus, which count every shard, only when the reader turns to them", async () => {
    const shards = shardNames("zh-hans");
    const { page, shards: fetched } = await pageNotingShards(SEARCH_READS);
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("发展")}&sort=newest&source=央视网`);
    await searchSettled(page);
    await expect(page.locator("[data-search-filters]").getAttribute("open")).resolves.not.toBeNull();
    await expect(page.locator('select[name="source"]').inputValue()).resolves.toBe("央视网");
    expectNewestShardsOnly(fetched, shards);
    await page.locator('select[name="source"]').focus();
    await expect.poll(() => page.locator('select[name="year"] option').count()).toBeGreaterThan(2);
    expect([...fetched].sort()).toEqual([...shards].sort());
    await page.close();
  });

  it("opened cold to search by relevance, shows a first result four downloads in a row after the page, none of them an older shard's", async () => {
    const shards = shardNames("zh-hans");
    expect(shards.length).toBeGreaterThan(2);
    const run = await measureFirstSearch(
      browser,
      server.url,
      { script: "zh-hans", query: "中国", start: "cold" },
      PROFILES.slow4g,
    );
    // The page, what it asks for at once (its scripts, Pagefind and the newest shard's files), the index chunk, the excerpt.
    expect(run.chain, run.path.join(" → ")).toBeLessThanOrEqual(4);
    const fromShards = run.path.flatMap((file) => /^\/pagefind\/(\d+)\//.exec(file)?.[1] ?? []);
    expect(fromShards.length).toBeGreaterThan(0);
    expect(new Set(fromShards)).toEqual(new Set([shards[0]]));
    expect(run.rankedMs).toBeGreaterThan(run.ms);
  });

  it("opened cold while the older shards' page lists are slow, shows the newest shards' best results first, labelled, then the whole ranking in their place", async () => {
    const reference = await wholeRanking("中国");
    const { page, release, since } = await pageWithOlderListsHeld("zh-hans");
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("中国")}`);
    await page.waitForSelector("[data-search-results][data-provisional] .search-result");
    const status = (await page.locator("[data-search-status]").textContent()) ?? "";
    expect(status).toContain(`先列出${formatChineseDay(since)}以来的文章中最相关的结果`);
    for (const day of await resultDays(page)) expect(day >= since, day).toBe(true);
    await expect(page.locator("[data-search-more]").isHidden()).resolves.toBe(true);
    release();
    await searchSettled(page);
    expect(await resultPaths(page)).toEqual(reference.slice(0, 10));
    await expect(statusCount(page)).resolves.toEqual({ count: reference.length, partial: false });
    await page.close();
  });

  it("keeps the newest shards' results in place once the reader has turned to them, and continues with the whole ranking below", async () => {
    const reference = await wholeRanking("中国");
    const { page, release } = await pageWithOlderListsHeld("zh-hans");
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("中国")}`);
    await page.waitForSelector("[data-search-results][data-provisional] .search-result");
    await page.waitForFunction(() => !document.querySelector("[data-search-results][aria-busy]"));
    const first = await resultPaths(page);
    await page.locator(".search-result-title").first().focus();
    release();
    await searchSettled(page);
    expect(await resultPaths(page)).toEqual(first);
    await expect(page.locator("[data-search-status]").textContent()).resolves.toContain(`前 ${first.length} 篇选自`);
    const listed = await allResults(page);
    expect(listed.slice(0, first.length)).toEqual(first);
    expect(listed.slice(first.length)).toEqual(reference.filter((result) => !first.includes(result)));
    await page.close();
  });

  it("ranks by relevance over every shard, also after a search newest first loaded only the newest shards", async () => {
    const shards = shardNames("zh-hans");
    const fresh = await pageNotingShards();
    await search(fresh.page, "zh-hans", "发展");
    expect([...fresh.shards].sort()).toEqual([...shards].sort());
    const count = await statusCount(fresh.page);
    expect(count.partial).toBe(false);
    const ranked = await allResults(fresh.page);
    await fresh.page.close();

    const { page, shards: fetched } = await pageNotingShards(SEARCH_READS);
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("发展")}&sort=newest`);
    await searchSettled(page);
    expectNewestShardsOnly(fetched, shards);
    await page.locator('select[name="sort"]').selectOption("");
    await searchSettled(page);
    await expect(statusCount(page)).resolves.toEqual(count);
    expect(await allResults(page)).toEqual(ranked);
    await page.close();
  });

  it("leads from a result to the article with the searched terms marked", async () => {
    const page = await browser.newPage();
    await search(page, "zh-hant", "脱贫攻坚");
    await page.locator(`.search-result-title[href^="/zh-hant${TAIYUAN}"]`).click();
    await page.waitForURL(/pagefind-highlight=/);
    await expect.poll(() => page.locator("mark.search-highlight").count()).toBeGreaterThan(3);
    const marked = await page.locator(".article-body mark.search-highlight").allTextContents();
    expect(marked.join("")).toContain("攻堅");
    await page.close();
  });

  it("goes back to the previous search with the back button", async () => {
    const page = await browser.newPage();
    await search(page, "zh-hans", "冬奥");
    const first = await resultPaths(page);
    await search(page, "zh-hans", "长江");
    await page.goBack();
    await searchSettled(page);
    await expect(page.locator("#search-q").inputValue()).resolves.toBe("冬奥");
    expect(await resultPaths(page)).toEqual(first);
    await page.close();
  });

  it("works as a plain form without JavaScript, saying search needs it", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/`);
    await page.locator("#site-search-q").fill("脫貧");
    await page.locator("#site-search-q").press("Enter");
    await page.waitForURL(/\/zh-hant\/search\/\?q=/);
    await expect(page.locator(".search-note").textContent()).resolves.toContain("JavaScript");
    await page.close();
  });
});
