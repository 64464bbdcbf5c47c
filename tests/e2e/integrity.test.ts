import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXwlbArchive } from "../../bench/fixtures.ts";
import { hostileCases, PAYLOAD } from "../fixtures/hostile.ts";
import { SAMPLE_ARTICLE } from "../helpers/archive.ts";
import { folderHashes } from "../helpers/files.ts";
import { crawlSite } from "./support/links.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

const XWLB_ARTICLES = 120;
const SAFE_HOSTILE = hostileCases().filter((c) => c.safe);

let archive: string;
let articleCount: number;
let first: BuildResult;
let second: BuildResult;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  archive = mkdtempSync(path.join(tmpdir(), "integrity-"));
  writeXwlbArchive(archive, { limit: XWLB_ARTICLES });
  copyFileSync(SAMPLE_ARTICLE, path.join(archive, "articles", "sample.md"));
  for (const c of SAFE_HOSTILE) writeFileSync(path.join(archive, "articles", c.name), c.content);
  articleCount = (await glob("articles/**/*.md", { cwd: archive })).length;
  first = buildSite(archive);
  if (first.status !== 0) throw new Error(`build failed:\n${first.output}`);
  second = buildSite(archive);
  if (second.status !== 0) throw new Error(`second build failed:\n${second.output}`);
  server = await serveSite(first.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const read = (file: string) => readFileSync(path.join(first.outDir, file), "utf8");

/** A few pages of each kind, in both scripts. */
function samplePages(): string[] {
  const pages: string[] = [];
  for (const script of ["zh-hans", "zh-hant"]) {
    pages.push(
      `/${script}/`,
      `/${script}/articles/2020-03-04-1h89qg/`,
      `/${script}/articles/2022-09-24-01/`,
      `/${script}/browse/`,
      `/${script}/search/?q=${encodeURIComponent("乡村振兴")}`,
    );
  }
  return pages;
}

describe("nothing is lost", () => {
  it("gives every article a page in each script, a search record in each script and a row in each export", async () => {
    for (const script of ["zh-hans", "zh-hant"]) {
      const pages = await glob(`${script}/articles/*/index.html`, { cwd: first.outDir });
      expect(pages.length, `${script} article pages`).toBe(articleCount);
    }
    const records = (await glob("pagefind/**/pagefind-entry.json", { cwd: first.outDir }))
      .map((file) => JSON.parse(read(file)) as { languages: Record<string, { page_count: number }> })
      .flatMap((entry) => Object.entries(entry.languages));
    const perLanguage = new Map<string, number>();
    for (const [language, { page_count }] of records) {
      perLanguage.set(language, (perLanguage.get(language) ?? 0) + page_count);
    }
    expect(Object.fromEntries(perLanguage)).toEqual({ "zh-hans": articleCount, "zh-hant": articleCount });
    expect((JSON.parse(read("data/articles.json")) as unknown[]).length).toBe(articleCount);
    expect(read("data/articles.jsonl").trim().split("\n")).toHaveLength(articleCount);
  });
});

describe("deterministic builds", () => {
  it("writes byte-identical output for the same content", async () => {
    const [a, b] = await Promise.all([folderHashes(first.outDir), folderHashes(second.outDir)]);
    const differing = Object.keys({ ...a, ...b }).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
  });
});

describe("links", () => {
  it("has no broken internal link anywhere in the site", async () => {
    const result = await crawlSite(`${server.url}/`, server.url);
    expect(result.broken).toEqual([]);
    expect(result.links.length).toBeGreaterThan(articleCount * 2);
  });
});

describe("hostile content", () => {
  it("renders every accepted hostile article without running its scripts or loading its resources", async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    for (const c of SAFE_HOSTILE) {
      const id = /^id: (.+)$/m.exec(String(c.content))?.[1];
      for (const script of ["zh-hans", "zh-hant"]) {
        const response = await page.goto(`${server.url}/${script}/articles/${id}/`);
        expect(response?.status(), `${c.name} in ${script}`).toBe(200);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned), c.name).toBeUndefined();
        expect(await page.locator("body").evaluate((body) => getComputedStyle(body).display)).not.toBe("none");
      }
    }
    expect(dialogs).toBe(0);
    await page.goto(`${server.url}/zh-hans/articles/2024-01-02-h${hostileIndex("inject-every-field.md")}/`);
    expect(await page.locator("h1").innerText()).toContain(`title<script>${PAYLOAD}</script>`);
    await page.close();
  });
});

function hostileIndex(name: string): string {
  const c = hostileCases().find((entry) => entry.name === name);
  return /^id: 2024-01-02-h(\d+)$/m.exec(String(c?.content))?.[1] ?? "";
}

describe("privacy and content security", () => {
  it("makes no request to any other host and breaks no Content Security Policy", async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const pathname of samplePages()) {
      await page.goto(`${server.url}${pathname}`);
      await page.waitForLoadState("networkidle");
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), pathname).toBe(1);
    }
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe("accessibility", () => {
  async function seriousViolations(page: Page): Promise<string[]> {
    // Evaluated through the DevTools protocol, so the page's CSP does not block it.
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run());
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  }

  it("has no serious or critical axe violation on home, article, browse and search pages in both scripts", async () => {
    const page = await browser.newPage();
    for (const pathname of samplePages()) {
      await page.goto(`${server.url}${pathname}`);
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page), pathname).toEqual([]);
    }
    await page.close();
  });

  it("lets a keyboard user switch script and search", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hant/`);
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press("Tab");
      found = (await page.evaluate(() => document.activeElement?.getAttribute("data-script-choice"))) === "hans";
    }
    expect(found).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/zh-hans/");
    await page.goto(`${server.url}/zh-hans/`);
    let inSearch = false;
    for (let i = 0; i < 10 && !inSearch; i++) {
      await page.keyboard.press("Tab");
      inSearch = (await page.evaluate(() => document.activeElement?.getAttribute("type"))) === "search";
    }
    expect(inSearch).toBe(true);
    await page.keyboard.type("脱贫攻坚");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zh-hans\/search\/\?q=/);
    await expect.poll(() => page.locator("main a[href*='/articles/']").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
