import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";
import { articleText, writeArticle, writeXwlbBrowseArchive } from "../helpers/xwlb.ts";

/** xwlb items in the fixture: enough for several pages per year, month and person, and quick to build. */
const XWLB_ITEMS = 300;

/**
 * The fixture archive: xwlb reports (Simplified), a made-up State Council notice and
 * a provincial follow-up citing it by number, and two reports naming one person, one
 * in each script, so the person page must bring both together.
 */
function writeFixture(dir: string): number {
  const xwlb = writeXwlbBrowseArchive(dir, { limit: XWLB_ITEMS });
  const extra: [string, Record<string, unknown>, string][] = [
    [
      "2024-01-05-gf0001",
      {
        title: "国务院关于进一步优化营商环境的通知",
        date: "2024-01-05",
        script: "hans",
        source: "中国政府网",
        document_number: "国发〔2024〕1号",
        issuers: ["国务院"],
        document_type: "通知",
        status: "in_force",
        topics: ["营商环境"],
      },
      "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n现就进一步优化营商环境通知如下。",
    ],
    [
      "2024-02-01-sx0001",
      {
        title: "山西省人民政府辦公廳關於貫徹落實國發〔2024〕1號文件的通知",
        date: "2024-02-01",
        script: "hant",
        source: "山西省人民政府",
        document_number: "晉政辦發〔2024〕3號",
        issuers: ["山西省人民政府辦公廳"],
        document_type: "通知",
        status: "in_force",
        persons: ["樓陽生"],
        places: ["山西"],
      },
      "為貫徹落實《國務院關於進一步優化營商環境的通知》（國發〔2024〕1號），現通知如下。",
    ],
    [
      "2024-02-02-lys001",
      {
        title: "楼阳生调研营商环境工作",
        date: "2024-02-02",
        script: "hans",
        source: "河南日报",
        persons: ["楼阳生"],
        topics: ["营商环境"],
      },
      "楼阳生强调，要持续优化营商环境。",
    ],
  ];
  for (const [id, fields, body] of extra) writeArticle(dir, id, articleText({ id, ...fields }, body));
  return xwlb.length + extra.length;
}

let fixtureDir: string;
let archiveSize: number;
let build: BuildResult;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  fixtureDir = path.join(tmpdir(), `browse-fixture-${process.pid}`);
  archiveSize = writeFixture(fixtureDir);
  build = buildSite(fixtureDir);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  console.log(`browse fixture (${archiveSize} articles) built in ${build.seconds.toFixed(1)} s`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(build.outDir, file), "utf8");

describe("browsing the archive", () => {
  it("reaches an article from its year page through the browse overview, without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/`);
    await page.getByRole("link", { name: "浏览", exact: true }).click();
    await page.getByRole("link", { name: "2022年" }).first().click();
    await expect.poll(() => page.url()).toContain("/zh-hans/browse/dates/2022/");
    const summary = await page.locator(".summary").innerText();
    expect(Number(/(\d+)/.exec(summary)?.[1])).toBe(XWLB_ITEMS);
    // Newest first: the front page holds the newest 100 of 300 and numbers them 300 down to 201;
    // the older articles are on pages 2 (the next older) and 1 (the oldest).
    const days = () =>
      page.locator(".browse-articles time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    const front = await days();
    expect(front).toHaveLength(100);
    expect(front).toEqual([...front].sort().reverse());
    await expect(page.locator(".browse-articles").getAttribute("start")).resolves.toBe(String(XWLB_ITEMS));
    await expect(page.locator(".pager li").allInnerTexts()).resolves.toEqual(["3", "2", "1"]);
    await page.getByRole("link", { name: "下一页" }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/zh-hans\/browse\/dates\/2022\/2\/$/);
    const older = await days();
    expect(older).toHaveLength(100);
    expect(older[0]! <= front.at(-1)!).toBe(true);
    await expect(page.locator(".browse-articles").getAttribute("start")).resolves.toBe("200");
    // An archived page does not show the year's total, which would change with every new article.
    await expect(page.locator(".summary").innerText()).resolves.not.toMatch(/\d/);
    await expect(page.locator("a[rel=prev]").getAttribute("href")).resolves.toBe("/zh-hans/browse/dates/2022/");
    const first = page.locator(".browse-articles li a").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect.poll(() => page.url()).toMatch(/\/zh-hans\/articles\/2022-\d\d-\d\d-\d\d\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(title);
    await page.close();
  });

  it("lists a person written in two scripts on one page, newest first, and leads to each article", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/2024-02-01-sx0001/`);
    await page.locator(".article-footer").getByRole("link", { name: "樓陽生", exact: true }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain("/zh-hant/browse/persons/楼阳生/");
    await expect(page.locator("h1").textContent()).resolves.toBe("人物：樓陽生");
    const links = page.locator(".browse-articles li a");
    await expect(links.allTextContents()).resolves.toEqual([
      "樓陽生調研營商環境工作",
      "山西省人民政府辦公廳關於貫徹落實國發〔2024〕1號文件的通知",
    ]);
    await links.nth(0).click();
    await expect.poll(() => page.url()).toContain("/zh-hant/articles/2024-02-02-lys001/");
    await page.close();
  });

  it("links a notice and the document citing its number, and an article to its neighbours in time", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/2024-01-05-gf0001/`);
    const citing = page.locator("#cited-by + ul");
    await expect(citing.innerText()).resolves.toContain("山西省人民政府办公厅关于贯彻落实");
    await citing.getByRole("link", { name: /^山西省人民政府办公厅关于贯彻落实/ }).click();
    await expect.poll(() => page.url()).toContain("/zh-hans/articles/2024-02-01-sx0001/");
    await expect(page.locator("#cites + ul").innerText()).resolves.toContain("国务院关于进一步优化营商环境的通知");
    await page.locator(".neighbours a[rel=next]").click();
    await expect.poll(() => page.url()).toContain("/zh-hans/articles/2024-02-02-lys001/");
    await page.close();
  });

  it("reaches an article from a person's feed", async () => {
    const feed = await fetch(`${server.url}/zh-hans/browse/persons/${encodeURIComponent("习近平")}/feed.xml`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain("<title>人物：习近平 - ");
    const link = /<item><title>[^<]+<\/title><link>([^<]+)<\/link>/.exec(xml)?.[1] ?? "";
    const target = new URL(link);
    expect(target.origin).toBe("https://archive.example.org");
    const page = await browser.newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${server.url}${target.pathname}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("table.doc-meta").innerText()).resolves.toContain("习近平");
    await page.close();
  });

  it("shows a ready citation, the permanent link and working downloads on an article page", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/2024-01-05-gf0001/`);
    const citation = await page.locator(".citation").innerText();
    expect(citation).toContain(
      "國務院. 國務院關於進一步優化營商環境的通知: 國發〔2024〕1號[A/OL]. (2024-01-05)[引用日期]. " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/.",
    );
    expect(citation).toContain("January 5, 2024");
    // The citations come with the page: saved without a request, and without JavaScript.
    const saved: Record<string, string> = {};
    for (const name of ["BibTeX", "RIS", "CSL-JSON"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name, exact: true }).click(),
      ]);
      saved[download.suggestedFilename()] = readFileSync((await download.path()) as string, "utf8");
    }
    expect(Object.keys(saved).sort()).toEqual([
      "2024-01-05-gf0001.bib",
      "2024-01-05-gf0001.csl.json",
      "2024-01-05-gf0001.ris",
    ]);
    expect(saved["2024-01-05-gf0001.bib"]).toContain("number = {国发〔2024〕1号}");
    expect(saved["2024-01-05-gf0001.ris"]).toMatch(/^TY {2}- /);
    expect(JSON.parse(saved["2024-01-05-gf0001.csl.json"] ?? "")).toMatchObject([{ number: "国发〔2024〕1号" }]);
    // Without JavaScript the Markdown link leads to the month's zip, which holds the file.
    const markdown =
      (await page.getByRole("link", { name: "Markdown 原文件", exact: true }).getAttribute("href")) ?? "";
    expect(markdown).toBe("/data/source/2024-01.zip");
    const zip = await fetch(`${server.url}${markdown}`);
    expect(zip.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toContain("2024-01-05-gf0001.md");
    // The site writes no citation files unless download_files asks for them.
    expect((await fetch(`${server.url}/data/cite/2024-01-05-gf0001.bib`)).status).toBe(404);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "Legislation", legislationIdentifier: "國發〔2024〕1號" });
    // Open Graph gives the page's own address, as its canonical link does.
    await expect(page.locator('meta[property="og:url"]').getAttribute("content")).resolves.toBe(
      "https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/",
    );
    await page.close();
  });

  it("fills the citation's access date with the reader's today when scripts run", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hans/articles/2024-01-05-gf0001/`);
    const today = await page.evaluate(() => new Date().toLocaleDateString("sv-SE"));
    await expect
      .poll(() => page.locator(".citation").innerText())
      .toContain(`国发〔2024〕1号[A/OL]. (2024-01-05)[${today}]. https://`);
    await page.close();
  });

  it("saves an article's Markdown file exactly as stored from the page in either script, and has it in its month's zip", async () => {
    const stored = readFileSync(path.join(fixtureDir, "articles/2024/02/2024-02-02-lys001.md"), "utf8");
    // The original page carries the file; the converted one asks the original for it.
    for (const script of ["zh-hans", "zh-hant"]) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/${script}/articles/2024-02-02-lys001/`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Markdown 原文件", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("2024-02-02-lys001.md");
      expect(readFileSync((await download.path()) as string, "utf8")).toBe(stored);
      await page.close();
    }
    // Without JavaScript, and for any reader who wants the month: the zip holds the same bytes.
    const zip = new Uint8Array(await (await fetch(`${server.url}/data/source/2024-02.zip`)).arrayBuffer());
    const files = unzipSync(zip);
    expect(Buffer.from(files["2024-02-02-lys001.md"]!).toString("utf8")).toBe(stored);
    expect(Object.keys(files)).toContain("2024-02-01-sx0001.md");
    expect((await fetch(`${server.url}/data/source/2024-02-02-lys001.md`)).status).toBe(404);
  });

  it("exports every article once: JSON records, CSV rows and JSONL lines", () => {
    const json = JSON.parse(read("data/articles.json")) as { id: string }[];
    expect(json).toHaveLength(archiveSize);
    expect(new Set(json.map((record) => record.id)).size).toBe(archiveSize);
    const csv = read("data/articles.csv");
    expect(csv.startsWith("\uFEFFid,title,")).toBe(true);
    // Bodies are not in the CSV, so records never span lines: one header row, then one row per article.
    expect(csv.trimEnd().split("\r\n")).toHaveLength(archiveSize + 1);
    const lines = read("data/articles.jsonl").trimEnd().split("\n");
    expect(lines).toHaveLength(archiveSize);
    expect(lines.every((line) => typeof (JSON.parse(line) as { body: unknown }).body === "string")).toBe(true);
  });

  it("writes a sitemap listing article pages in both scripts with hreflang alternates", () => {
    const sitemap = read("sitemap-0.xml");
    expect(sitemap).toContain(
      "<url><loc>https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/</loc>" +
        '<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/"/>' +
        '<xhtml:link rel="alternate" hreflang="zh-Hant" href="https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/"/></url>',
    );
    expect(read("sitemap-index.xml")).toContain("https://archive.example.org/sitemap-0.xml");
  });

  it("fits browse pages on a phone screen", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const pathname of [
      "/zh-hans/browse/",
      "/zh-hant/browse/dates/",
      "/zh-hans/browse/dates/2022/",
      `/zh-hans/browse/persons/${encodeURIComponent("习近平")}/`,
      "/zh-hant/browse/dates/2022/2/",
      "/zh-hant/articles/2024-02-01-sx0001/",
    ]) {
      const response = await page.goto(`${server.url}${pathname}`);
      expect(response?.status(), pathname).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it("writes valid HTML on every browse page and on the articles with citations and related lists", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "no-inline-style": "off", "long-title": "off" },
    });
    const files = [
      ...(await glob(["zh-hans/browse/**/*.html", "zh-hant/browse/**/*.html"], { cwd: build.outDir })),
      ...["2024-01-05-gf0001", "2024-02-01-sx0001", "2024-02-02-lys001"].flatMap((id) => [
        `zh-hans/articles/${id}/index.html`,
        `zh-hant/articles/${id}/index.html`,
      ]),
    ];
    expect(files.length).toBeGreaterThan(100);
    const messages: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results)
        messages.push(...result.messages.map((m) => `${file}: ${m.ruleId}: ${m.message}`));
    }
    expect(messages).toEqual([]);
  });
});
