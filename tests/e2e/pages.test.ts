import { readFileSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { HtmlValidate } from "html-validate";
import type { Browser, Page } from "playwright-core";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeArchive, SAMPLE_ARTICLE } from "../helpers/archive.ts";
import { hasCorpus } from "../helpers/corpus.ts";
import { lawArticle, readLaw } from "../helpers/laws.ts";
import { writeXwlbBrowseArchive } from "../helpers/xwlb.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/**
 * What readers and search engines get from every kind of page, in both scripts, on a small
 * site of real text: news reports, a Traditional original, a law with clauses and two
 * versions of a regulation. Valid HTML, no WCAG 2.2 AA violation, no layout shift, anchored
 * targets in view, and each page canonical to itself with its own description.
 */
const SITE = "https://archive.example.org";
const PARKING = "DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例";
const LAW = "2023-09-01-xzfy01";
const OLD = "2021-09-24-bjtc01";
const NEW = "2024-03-29-bjtc01";
const SAMPLE = "2020-03-04-1h89qg";
const SCRIPTS = ["hans", "hant"] as const;
const XWLB_ARTICLES = 60;

/** WCAG 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let build: BuildResult;
let server: SiteServer;
let browser: Browser;
let news: string[];
let articleIds: string[];

beforeAll(async () => {
  const archive = makeArchive({
    "2023/09/law.md": lawArticle(readLaw("诉讼与非诉讼程序法/行政复议法(2023-09-01).md"), LAW, { status: "in_force" }),
    "2021/09/old.md": lawArticle(readLaw(`${PARKING}(2021-09-24).md`), OLD, { status: "amended" }),
    "2024/03/new.md": lawArticle(readLaw(`${PARKING}(2024-03-29).md`), NEW, { status: "in_force", supersedes: OLD }),
    "2020/03/sample.md": readFileSync(SAMPLE_ARTICLE),
  });
  news = writeXwlbBrowseArchive(archive, { limit: XWLB_ARTICLES });
  articleIds = (await glob("articles/**/*.md", { cwd: archive }))
    .map((file) => /^id: "?([^"\n]+)"?$/m.exec(readFileSync(path.join(archive, file), "utf8"))?.[1] ?? file)
    .sort();
  build = buildSite(archive);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const read = (file: string) => readFileSync(path.join(build.outDir, file), "utf8");

/** One page of every kind in a script, as paths on the site. */
function pageTypes(script: (typeof SCRIPTS)[number]): string[] {
  const s = `/zh-${script}`;
  return [
    `${s}/`,
    `${s}/articles/${news[0]}/`,
    `${s}/articles/${SAMPLE}/`,
    `${s}/articles/${LAW}/`,
    `${s}/articles/${NEW}/changes/`,
    `${s}/browse/`,
    `${s}/browse/persons/`,
    `${s}/browse/persons/${encodeURIComponent("习近平")}/`,
    `${s}/browse/dates/`,
    `${s}/browse/dates/2022/`,
    `${s}/search/`,
  ];
}
const allPages = () => SCRIPTS.flatMap(pageTypes);

/** The file a page path is served from. */
const fileOf = (pathname: string) => path.join(decodeURIComponent(pathname).slice(1), "index.html");

/** What a page's head says to search engines. */
async function headOf(page: Page) {
  return page.evaluate(() => {
    const attr = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
    const jsonLd = document.querySelector('script[type="application/ld+json"]')?.textContent;
    return {
      canonical: attr('link[rel="canonical"]', "href"),
      alternates: Object.fromEntries(
        [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
          link.getAttribute("hreflang"),
          link.getAttribute("href"),
        ]),
      ),
      description: attr('meta[name="description"]', "content"),
      ogUrl: attr('meta[property="og:url"]', "content"),
      ogDescription: attr('meta[property="og:description"]', "content"),
      jsonLd: jsonLd ? (JSON.parse(jsonLd) as Record<string, unknown>) : null,
    };
  });
}

describe.skipIf(!hasCorpus)("what search engines read", () => {
  it("makes every article page canonical to itself, with both scripts and the original as x-default", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const descriptions = new Set<string>();
    const pages = await glob("zh-han[st]/articles/*/index.html", { cwd: build.outDir });
    const ids = (script: string) =>
      pages.filter((file) => file.startsWith(`zh-${script}/`)).map((file) => file.split("/")[2]);
    expect(ids("hans").sort()).toEqual(articleIds);
    expect(ids("hant").sort()).toEqual(articleIds);
    for (const file of pages) {
      const pathname = `/${path.dirname(file)}/`;
      const id = pathname.split("/")[3];
      await page.goto(`${server.url}${pathname}`);
      const head = await headOf(page);
      const original = id === SAMPLE ? "hant" : "hans";
      expect(head.canonical, pathname).toBe(`${SITE}${pathname}`);
      expect(head.alternates, pathname).toEqual({
        "zh-Hans": `${SITE}/zh-hans/articles/${id}/`,
        "zh-Hant": `${SITE}/zh-hant/articles/${id}/`,
        "x-default": `${SITE}/zh-${original}/articles/${id}/`,
      });
      expect(head.ogUrl, pathname).toBe(head.canonical);
      expect(head.jsonLd?.["@id"], pathname).toBe(head.canonical);
      expect(head.ogDescription, pathname).toBe(head.description);
      expect(head.jsonLd?.["description"], pathname).toBe(head.description);
      expect([...(head.description ?? "")].length, pathname).toBeLessThanOrEqual(120);
      // The two versions of the regulation open with the same clause, so describe themselves alike.
      if (id !== OLD) descriptions.add(head.description ?? "");
    }
    // Every page its own description: the two scripts of an article differ, and no two articles share one.
    expect(descriptions.size).toBe(pages.length - 2);
    await page.close();
  });

  it("describes an article in each script from its own first sentences", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/${LAW}/`);
    const traditional = (await headOf(page)).description;
    await page.goto(`${server.url}/zh-hans/articles/${LAW}/`);
    const simplified = (await headOf(page)).description;
    expect(simplified).toMatch(/^第一条 为了防止和纠正违法的或者不当的行政行为，/);
    expect(traditional).toMatch(/^第一條 為了防止和糾正違法的或者不當的行政行為，/);
    await page.close();
  });

  it("makes every other page canonical to itself, with the site's default script as x-default", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const pathname of allPages().filter((each) => !each.includes("/articles/"))) {
      await page.goto(`${server.url}${pathname}`);
      const head = await headOf(page);
      const self = `${SITE}${new URL(pathname, SITE).pathname}`;
      expect(head.canonical, pathname).toBe(self);
      expect(head.alternates["x-default"], pathname).toBe(self.replace(/\/zh-hans\//, "/zh-hant/"));
    }
    await page.close();
  });
});

describe.skipIf(!hasCorpus)("valid, accessible pages", () => {
  it("writes valid HTML on every kind of page in both scripts", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "no-inline-style": "off", "long-title": "off" },
    });
    const messages: string[] = [];
    for (const file of [...allPages().map(fileOf), "404.html"]) {
      const html = read(file);
      // html-validate reads on past </html>; a browser moves what follows into <body>, and the W3C validator rejects it.
      if (!html.trimEnd().endsWith("</html>")) messages.push(`${file}: something after </html>`);
      const report = await validator.validateString(html, file);
      for (const result of report.results)
        messages.push(...result.messages.map((m) => `${file}: ${m.ruleId}: ${m.message}`));
    }
    expect(messages).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(`has no WCAG 2.2 AA or best-practice violation on any kind of page in both scripts at ${viewport.width} px, search results shown`, async () => {
      const found: string[] = [];
      const page = await browser.newPage({ viewport });
      for (const pathname of [...allPages(), "/zh-hans/search/?q=经济", "/zh-hant/search/?q=經濟"]) {
        await page.goto(`${server.url}${pathname}`);
        await page.waitForLoadState("networkidle");
        if (pathname.includes("?q=")) await page.locator(".search-result").first().waitFor();
        // Evaluated through the DevTools protocol, so the page's CSP does not block it.
        await page.evaluate(axe.source);
        const results = await page.evaluate(
          (tags) => (window as unknown as { axe: typeof axe }).axe.run({ runOnly: { type: "tag", values: tags } }),
          AXE_TAGS,
        );
        for (const violation of results.violations) {
          const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
          found.push(`${pathname}: ${violation.id} (${violation.nodes.length}) ${where.join(", ")}`);
        }
      }
      await page.close();
      expect(found).toEqual([]);
    }, 300_000);
  }

  it("gives citation downloads and breadcrumbs tap targets of at least 24 px", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const sizes: string[] = [];
    for (const pathname of [`/zh-hans/articles/${LAW}/`, ...allPages().filter((each) => each.includes("/browse/"))]) {
      await page.goto(`${server.url}${pathname}`);
      const boxes = await page.locator(".downloads a, .breadcrumb a").evaluateAll((links) =>
        links.map((link) => {
          const box = link.getBoundingClientRect();
          return { text: link.textContent ?? "", width: box.width, height: box.height };
        }),
      );
      sizes.push(...boxes.map((box) => `${pathname} ${box.text}: ${box.width.toFixed(0)}×${box.height.toFixed(0)}`));
      for (const box of boxes) {
        expect(box.height, `${pathname} ${box.text}`).toBeGreaterThanOrEqual(24);
        expect(box.width, `${pathname} ${box.text}`).toBeGreaterThanOrEqual(24);
      }
    }
    expect(sizes.length).toBeGreaterThan(6);
    await page.close();
  });

  it("has one search landmark on every page, with a name", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const pathname of allPages()) {
      await page.goto(`${server.url}${pathname}`);
      const labels = await page
        .locator('[role="search"], search')
        .evaluateAll((forms) => forms.map((form) => form.getAttribute("aria-label") ?? ""));
      expect(labels, pathname).toHaveLength(1);
      expect(labels[0], pathname).not.toBe("");
    }
    await page.close();
  });
});

/** Starts counting layout shifts (not those right after input) before the page's own scripts run. */
async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const total = { value: 0 };
    (window as unknown as { __cls: typeof total }).__cls = total;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) total.value += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cls: { value: number } }).__cls.value);

describe.skipIf(!hasCorpus)("no layout shift", () => {
  const VIEWPORTS = {
    desktop: { width: 1280, height: 800 },
    phone: { width: 360, height: 740 },
  };

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`keeps the search page still while results arrive, on a ${name}`, async () => {
      const page = await browser.newPage({ viewport });
      await watchLayoutShifts(page);
      await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("经济")}`);
      await page.locator(".search-result").first().waitFor();
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      const cold = await layoutShift(page);
      await page.locator("#search-q").fill("习近平");
      await page.locator("#search-q").press("Enter");
      await page.waitForURL(new RegExp(`q=${encodeURIComponent("习近平")}`));
      await page.waitForFunction(() => {
        const status = document.querySelector("[data-search-status]")?.textContent ?? "";
        return status !== "" && !status.includes("……") && document.querySelector(".search-result") !== null;
      });
      await page.waitForTimeout(300);
      const typed = (await layoutShift(page)) - cold;
      console.log(`CLS on the search page, ${name}: ${cold.toFixed(4)} cold, ${typed.toFixed(4)} typed`);
      expect(cold).toBeLessThanOrEqual(0.02);
      expect(typed).toBeLessThanOrEqual(0.02);
      await page.close();
    });

    it(`keeps an article still as it loads, on a ${name}`, async () => {
      const page = await browser.newPage({ viewport });
      await watchLayoutShifts(page);
      for (const pathname of [`/zh-hant/articles/${LAW}/`, `/zh-hans/articles/${news[0]}/`]) {
        await page.goto(`${server.url}${pathname}`);
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const shift = await layoutShift(page);
        console.log(`CLS on ${pathname}, ${name}: ${shift.toFixed(4)}`);
        expect(shift, pathname).toBeLessThanOrEqual(0.02);
      }
      await page.close();
    });
  }
});

/** How far a target's top is below the header's bottom (or the window's top, once the header has scrolled away). */
async function clearance(page: Page, selector: string): Promise<{ gap: number; inView: boolean }> {
  return page.evaluate((target) => {
    const header = document.querySelector(".site-header")!.getBoundingClientRect();
    const box = document.querySelector(target)!.getBoundingClientRect();
    return { gap: box.top - Math.max(0, header.bottom), inView: box.top < window.innerHeight };
  }, selector);
}

describe.skipIf(!hasCorpus)("anchored targets in view", () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows a linked clause and paragraph whole below the header at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport });
      for (const [pathname, target] of [
        [`/zh-hant/articles/${LAW}/#art-12`, "#art-12"],
        [`/zh-hans/articles/${news[2]}/#p-3`, "#p-3"],
      ] as const) {
        await page.goto(`${server.url}${pathname}`);
        await page.waitForLoadState("networkidle");
        const { gap, inView } = await clearance(page, target);
        expect(gap, pathname).toBeGreaterThanOrEqual(0);
        expect(inView, pathname).toBe(true);
      }
      await page.close();
    });

    it(`keeps the paragraph being read in view across the script switch at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/zh-hant/articles/${LAW}/`);
      await page.evaluate(() => {
        const target = document.getElementById("art-20")!;
        window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 200);
      });
      await page.locator("a[data-script-choice]").click();
      await page.waitForURL(/\/zh-hans\/.*#/);
      const target = `#${new URL(page.url()).hash.slice(1)}`;
      const { gap, inView } = await clearance(page, target);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(inView).toBe(true);
      await page.close();
    });
  }
});

describe.skipIf(!hasCorpus)("text as it is read", () => {
  it("never breaks a number from its unit", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/zh-hans/articles/${news[0]}/`);
    const spans = page.locator(".article-body .nb");
    expect(await spans.count()).toBeGreaterThan(0);
    for (const text of await spans.allInnerTexts()) expect(text).toMatch(/^[0-9][0-9.,:]*\D$/);
    expect(await spans.first().evaluate((span) => getComputedStyle(span).whiteSpace)).toBe("nowrap");
    await page.close();
  });

  it("joins a search excerpt as Chinese text, with no half-width stop or space after Chinese", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("央视网消息")}`);
    await page.locator(".search-result").first().waitFor();
    const excerpts = (await page.locator(".search-result-excerpt").allInnerTexts()).map((text) =>
      text.replaceAll("\u200b", ""),
    );
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) {
      expect(excerpt).not.toMatch(/\p{Script=Han}\. /u);
      expect(excerpt).not.toMatch(/[。，；：”] /u);
    }
    expect(excerpts.some((excerpt) => /\p{Script=Han}。央视网消息/u.test(excerpt))).toBe(true);
    await page.close();
  });
});
