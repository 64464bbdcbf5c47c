import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive, type LoadedArticle } from "../../src/lib/article/load.ts";
import { EMBEDDED_SOURCE_LIMIT } from "../../src/lib/downloads/embedded.ts";
import { ROOT } from "../helpers/archive.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

let build: BuildResult;
let sample: LoadedArticle[];
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  sample = (await loadArchive(path.join(ROOT, "content"))).articles;
  build = buildSite(path.join(ROOT, "content"));
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  console.log(`sample archive built in ${build.seconds.toFixed(1)} s`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the sample archive in a browser", () => {
  it("leads from the home page to the Taiyuan article, with its headline, date and body", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/`);
    await page.getByRole("link", { name: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開" }).click();
    await expect.poll(() => page.url()).toContain("/zh-hant/articles/2020-03-04-1h89qg/");
    await expect(page.locator("h1").textContent()).resolves.toBe("全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開");
    await expect(page.locator(".headline .kicker").textContent()).resolves.toBe("樓陽生對脫貧攻堅提出要求");
    await expect(page.locator(".headline .subtitle").textContent()).resolves.toBe("林武作批示");
    const meta = await page.locator("table.doc-meta").innerText();
    expect(meta).toContain("山西日報");
    expect(meta).toContain("李全宏");
    expect(meta).toContain("2020年03月04日 07:41");
    expect(meta).toContain("田洲");
    const body = await page.locator(".article-body").innerText();
    expect(body).toContain("3月3日，全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開。");
    expect(body).toContain("確保脫貧攻堅全面收官。");
    expect(body).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    await page.close();
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const pathname of ["/zh-hant/", "/zh-hans/", "/zh-hant/articles/2020-03-04-1h89qg/", "/404.html"]) {
      await page.goto(`${server.url}${pathname}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it("answers an unknown address with the 404 page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/zh-hant/articles/no-such-article/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("找不到該頁面");
    await page.close();
  });

  it("sends a reader at the root to a home page, without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/zh-han[st]\/$/);
    await page.close();
  });

  it("writes valid HTML on every page", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "no-inline-style": "off", "long-title": "off" },
    });
    const files = await glob("**/*.html", { cwd: build.outDir });
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const report = await validator.validateString(readFileSync(path.join(build.outDir, file), "utf8"), file);
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${file}: ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    }
  });
});

describe("the sample archive shows every feature it promises", () => {
  const page = (pathname: string) => readFileSync(path.join(build.outDir, pathname, "index.html"), "utf8");
  const idOf = (title: string) => sample.find((article) => article.meta.title === title)?.meta.id;

  it("holds a law in three versions, each later one with a comparison page against the one before", () => {
    const later = sample.filter((article) => article.meta.supersedes);
    const chained = later.filter((article) => later.some((other) => other.meta.id === article.meta.supersedes));
    expect(chained.length).toBeGreaterThanOrEqual(1);
    for (const { meta } of later) {
      const changes = page(`zh-hans/articles/${meta.id}/changes`);
      expect(changes).toContain(`/zh-hans/articles/${meta.supersedes}/`);
      expect(changes).toMatch(/修改/);
    }
  });

  it("shows a contents list on a regulation with chapters", () => {
    const withChapters = sample.filter((article) => /^## 第[一二三四五六七八九十]+章/m.test(article.body));
    expect(withChapters.length).toBeGreaterThan(0);
    for (const { meta } of withChapters) {
      expect(page(`zh-hans/articles/${meta.id}`)).toMatch(/<h2 id="contents-title"[^>]*>目录<\/h2>.*href="#ch-2"/s);
    }
  });

  it("lists an attachment that downloads from the built site", async () => {
    const withFiles = sample.filter((article) => /\]\([A-Za-z0-9_-]+\.(txt|pdf|csv)\)/.test(article.body));
    expect(withFiles.length).toBeGreaterThan(0);
    const { meta, body } = withFiles[0]!;
    const name = /\]\(([A-Za-z0-9_-]+\.(?:txt|pdf|csv))\)/.exec(body)![1]!;
    const html = page(`zh-hant/articles/${meta.id}`);
    expect(html).toMatch(/<h2 id="attachments-title"[^>]*>附件<\/h2>/);
    expect(html).toContain(`/files/${meta.id}/${name}`);
    const response = await fetch(`${server.url}/files/${meta.id}/${name}`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBeGreaterThan(100);
  });

  it("has a law published in Traditional script, marked as the original on its Traditional page", () => {
    const traditional = sample.filter((article) => article.meta.script === "hant" && article.meta.document_type);
    expect(traditional.length).toBeGreaterThan(0);
    for (const { meta } of traditional) {
      expect(page(`zh-hant/articles/${meta.id}`)).toContain('class="original-badge"');
      expect(page(`zh-hans/articles/${meta.id}`)).toContain('class="conversion-note"');
    }
  });

  it("has documents that cite another sample document by its 《title》", () => {
    const citing = sample.flatMap((article) =>
      [...article.body.matchAll(/《([^》]+)》/g)]
        .map((match) => idOf(match[1]!))
        .filter((id): id is string => id !== undefined && id !== article.meta.id)
        .map((cited) => ({ citing: article.meta.id, cited })),
    );
    expect(citing.length).toBeGreaterThan(0);
    const { citing: id, cited } = citing[0]!;
    const title = sample.find((article) => article.meta.id === cited)!.meta.title;
    expect(page(`zh-hans/articles/${id}`)).toContain(`《${title}》`);
  });

  it("carries each short file in its original page, and keeps every file, long ones too, in its month's zip", () => {
    const long = sample.filter((article) => readFileSync(article.file).length > EMBEDDED_SOURCE_LIMIT);
    expect(long.length).toBeGreaterThan(0);
    for (const article of sample) {
      const { id, script, date } = article.meta;
      const stored = readFileSync(article.file);
      const html = page(`${script === "hans" ? "zh-hans" : "zh-hant"}/articles/${id}`);
      const carried = /<script type="application\/json" id="article-source">(.*?)<\/script>/s.exec(html)?.[1];
      if (long.includes(article)) {
        expect(carried, id).toBeUndefined();
        expect(html, id).not.toContain("Markdown 原文件");
      } else expect(JSON.parse(carried ?? "null"), id).toBe(stored.toString("utf8"));
      const month = date.day.slice(0, 7);
      expect(html, id).toContain(`href="/data/source/${month}.zip"`);
      const zip = unzipSync(readFileSync(path.join(build.outDir, `data/source/${month}.zip`)));
      expect(Buffer.from(zip[`${id}.md`]!).equals(stored), id).toBe(true);
    }
  });

  it("says where each document came from and under what terms", () => {
    for (const { meta } of sample.filter((article) => article.meta.document_type)) {
      expect(meta.url, meta.id).toMatch(/^https:\/\//);
      expect(meta.captured, meta.id).toBeDefined();
      expect(meta.license, meta.id).toMatch(/第[五九]条|第[五九]條/);
    }
  });
});
