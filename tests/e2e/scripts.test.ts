import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/archive.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

const ARTICLE = "/articles/2020-03-04-1h89qg/";
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const build = buildSite(path.join(ROOT, "content"));
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("reading in either script", () => {
  it("shows the Traditional original converted to Simplified, with a note linking to the original", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans${ARTICLE}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    await expect(page.locator("h1").textContent()).resolves.toBe("全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开");
    expect(await page.locator(".article-body").innerText()).toContain("楼阳生强调，今年是我省脱贫攻坚决战完胜");
    const note = page.locator(".conversion-note");
    expect(await note.innerText()).toContain("机器转换");
    expect(await note.locator("a").getAttribute("href")).toBe(`/zh-hant${ARTICLE}`);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
      `https://archive.example.org/zh-hans${ARTICLE}`,
    );
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((link) => `${link.getAttribute("hreflang")} ${link.getAttribute("href")}`));
    expect(alternates.sort()).toEqual([
      `x-default https://archive.example.org/zh-hant${ARTICLE}`,
      `zh-Hans https://archive.example.org/zh-hans${ARTICLE}`,
      `zh-Hant https://archive.example.org/zh-hant${ARTICLE}`,
    ]);
    await page.close();
  });

  it("marks the original page as the original, with no conversion note", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hant${ARTICLE}`);
    expect(await page.locator(".original-badge").innerText()).toContain("原文");
    expect(await page.locator(".conversion-note").count()).toBe(0);
    await page.close();
  });

  it("switches an article to the other script at the paragraph being read, and remembers the choice", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/zh-hant${ARTICLE}`);
    await page.evaluate(() => document.getElementById("p-3")?.scrollIntoView({ block: "start" }));
    await page.locator("a[data-script-choice]").click();
    await page.waitForURL(`**/zh-hans${ARTICLE}#p-3`);
    expect(await page.locator("#p-3").innerText()).toContain("林武在批示中要求");
    await page.reload();
    expect(page.url()).toContain("/zh-hans/");
    await page.goto(`${server.url}/`);
    await page.waitForURL("**/zh-hans/");
    await context.close();
  });

  it("switches the home page and sends a returning reader to the chosen script", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL("**/zh-hans/");
    await page.locator("a[data-script-choice]").click();
    await page.waitForURL("**/zh-hant/");
    await expect(page.locator("h1").first().textContent()).resolves.toBe("最新文章");
    await page.goto(`${server.url}/`);
    await page.waitForURL("**/zh-hant/");
    await context.close();
  });

  it("sends a first-time reader to the script of their browser's language", async () => {
    for (const [locale, segment] of [
      ["zh-TW", "zh-hant"],
      ["zh-HK", "zh-hant"],
      ["zh-CN", "zh-hans"],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForURL(`**/${segment}/`);
      await context.close();
    }
  });
});
