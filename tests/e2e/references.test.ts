import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { globSync } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFile, makeArchive } from "../helpers/archive.ts";
import { lawArticle, readLaw } from "../helpers/laws.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, freshPlace, type BuildPlace, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/**
 * Document references as links: a law, a notice in Simplified script and one in Traditional
 * citing it by title and clause, and a law not archived until the rebuild.
 */
const REVIEW_LAW = "2023-09-01-xzfy01";
const PENALTY_LAW = "2021-01-22-xzcf01";
const NOTICE = "2024-03-01-tz0001";
const TW_NOTICE = "2024-04-01-tz0002";

let fixtureDir: string;
let place: BuildPlace;
let build: BuildResult;
let rebuilt: BuildResult;
let clean: BuildResult;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  fixtureDir = makeArchive({
    "2023/09/review.md": lawArticle(readLaw("诉讼与非诉讼程序法/行政复议法(2023-09-01).md"), REVIEW_LAW, {
      status: "in_force",
    }),
    "2024/03/notice.md": articleFile(
      { id: NOTICE, title: "关于做好行政复议工作的通知", date: "2024-03-01" },
      "当事人对具体行政行为不服的，可以依照《中华人民共和国行政复议法》第十二条的规定申请行政复议。\n\n" +
        "经营者有《中华人民共和国行政处罚法》第三十二条所列情形的，应当依法从轻或者减轻处罚；" +
        "吊销《营业执照》的，依照《行政复议法》办理。\n",
    ),
    "2024/04/notice.md": articleFile(
      { id: TW_NOTICE, title: "關於行政復議案件的說明", date: "2024-04-01", script: "hant" },
      "申請人依照《中華人民共和國行政復議法》第二十條規定提出申請。\n",
    ),
  });
  place = freshPlace();
  build = buildSite(fixtureDir, place);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

describe("references to archived documents", () => {
  it("follows a clause reference to the law's clause, in the converted script too", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/${NOTICE}/`);
    await page.locator(".article-body").getByRole("link", { name: "第十二條", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/zh-hant/articles/${REVIEW_LAW}/#art-12`);
    await expect(page.locator("#art-12").innerText()).resolves.toMatch(/^第十二條/);
    await page.close();
  });

  it("links the full and the short title, and leaves plain what the archive does not hold", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${NOTICE}/`);
    const links = page.locator(".article-body a");
    await expect(links.allTextContents()).resolves.toEqual([
      "《中华人民共和国行政复议法》",
      "第十二条",
      "《行政复议法》",
    ]);
    await expect(page.locator(".article-body").innerText()).resolves.toContain("《营业执照》");
    await page.close();
  });

  it("shows on the law's page what cites it, with the count", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/${REVIEW_LAW}/`);
    await expect(page.locator("#cited-by").innerText()).resolves.toBe("被引用（2）");
    // Newest first: the Traditional notice, then the Simplified one shown converted.
    const citing = await page.locator("#cited-by + ul a").allTextContents();
    expect(citing).toHaveLength(2);
    expect(citing[0]).toBe("關於行政復議案件的說明");
    expect(citing[1]).toMatch(/^關於做好行政/);
    await page.locator("#cited-by + ul").getByRole("link", { name: "關於行政復議案件的說明" }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/zh-hant/articles/${TW_NOTICE}/`);
    await page.close();
  });

  it("lists the most cited documents on a browse page", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/browse/`);
    await page.getByRole("link", { name: "被引用最多的文件" }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/zh-hans/browse/cited/`);
    await expect(page.locator(".group-list li").first().innerText()).resolves.toMatch(
      /^中华人民共和国行政复议法\s*2\s*篇$/,
    );
    await page.close();
  });
});

describe("rebuilding when a cited document arrives", () => {
  beforeAll(async () => {
    writeFileSync(
      path.join(fixtureDir, "articles/2021-penalty.md"),
      lawArticle(readLaw("行政法/行政处罚法(2021-01-22).md"), PENALTY_LAW, { status: "in_force" }),
    );
    await server.close();
    rebuilt = buildSite(fixtureDir, place);
    if (rebuilt.status !== 0) throw new Error(`rebuild failed:\n${rebuilt.output}`);
    clean = buildSite(fixtureDir);
    if (clean.status !== 0) throw new Error(`clean build failed:\n${clean.output}`);
    server = await serveSite(rebuilt.outDir);
  });

  it("links, after the rebuild, the title that named nothing before, and counts the citation", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${NOTICE}/`);
    await page.locator(".article-body").getByRole("link", { name: "第三十二条", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}/zh-hans/articles/${PENALTY_LAW}/#art-32`);
    await expect(page.locator("#cited-by").innerText()).resolves.toBe("被引用（1）");
    await page.close();
  });

  it("gives the article and browse pages a clean build gives", () => {
    const pages = globSync(["zh-*/articles/**/index.html", "zh-*/browse/**/index.html"], { cwd: clean.outDir }).sort();
    expect(pages).toContain(`zh-hans/articles/${PENALTY_LAW}/index.html`);
    for (const page of pages) {
      expect(readFileSync(path.join(rebuilt.outDir, page), "utf8"), page).toBe(
        readFileSync(path.join(clean.outDir, page), "utf8"),
      );
    }
  });
});
