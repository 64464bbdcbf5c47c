import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeArchive } from "../helpers/archive.ts";
import { pngHeader, PDF_BYTES } from "../helpers/files.ts";
import { runImport } from "../../src/lib/import/importer.ts";
import { LAWS_DIR, lawArticle, readLaw } from "../helpers/laws.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/**
 * Policy documents as documents: a long law with chapters, two versions of a
 * regulation linked by `supersedes`, and three versions of another brought in by the
 * import (which links them itself), built into a real site.
 */
const PARKING = "DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例";
const OLD = "2021-09-24-bjtc01";
const NEW = "2024-03-29-bjtc01";
const LAW = "2023-09-01-xzfy01";
const ROAD = ["2019-03-02", "2022-03-29", "2023-07-20"].map((day) =>
  path.join(LAWS_DIR, "行政法规", `道路运输条例(${day}).md`),
);
/** Ids of the imported versions, oldest first. */
let imported: string[] = [];

let fixtureDir: string;
let build: BuildResult;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  fixtureDir = makeArchive({
    "2023/09/law.md": `${lawArticle(readLaw("诉讼与非诉讼程序法/行政复议法(2023-09-01).md"), LAW, { status: "in_force" })}
附件：[行政复议申请书格式](shenqingshu.pdf)

![办理流程](liucheng.png)
`,
    "2023/09/shenqingshu.pdf": PDF_BYTES,
    "2023/09/liucheng.png": pngHeader(800, 600),
    "2021/09/old.md": lawArticle(readLaw(`${PARKING}(2021-09-24).md`), OLD, { status: "amended" }),
    "2024/03/new.md": lawArticle(readLaw(`${PARKING}(2024-03-29).md`), NEW, {
      status: "in_force",
      supersedes: OLD,
      effective: "2024-05-01",
    }),
  });
  // The newest version first: the import orders versions by date, not by the order it reads them in.
  const written: string[] = [];
  await runImport(
    [...ROAD].reverse(),
    { archive: fixtureDir },
    {
      event: (event) => {
        if (event.kind === "written") written.push(path.basename(event.path, ".md"));
      },
    },
  );
  imported = written.sort();
  build = buildSite(fixtureDir);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveSite(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

describe("a law as a document", () => {
  it("opens at a clause linked by its anchor, in the converted script too, and offers its § link", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
    await page.goto(`${server.url}/zh-hant/articles/${LAW}/#art-12`);
    const clause = page.locator("#art-12");
    await expect.poll(() => clause.innerText()).toMatch(/^第十二條/);
    expect(await clause.evaluate((node) => node.matches(":target"))).toBe(true);
    const box = await clause.boundingBox();
    // Below the sticky header, at the top of the screen.
    expect(box?.y).toBeGreaterThan(0);
    expect(box?.y).toBeLessThan(200);
    expect(await clause.locator("a.anchor").getAttribute("href")).toBe("#art-12");
    await page.close();
  });

  it("has a contents list that leads to a section without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${LAW}/`);
    const contents = page.locator("nav.contents");
    await expect.poll(() => contents.locator("h2").innerText()).toBe("目录");
    await contents.getByRole("link", { name: "行政复议范围" }).click();
    await expect.poll(() => page.url()).toContain("#ch-2-sec-1");
    expect(await page.locator("#ch-2-sec-1").isVisible()).toBe(true);
    await page.close();
  });
});

describe("searching inside a document", () => {
  it.each([
    ["zh-hans", "国防外交", "第十二条"],
    ["zh-hant", "國防外交", "第十二條"],
  ])("on %s, leads from a hit in a clause to that clause, named in the result", async (script, query, label) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${script}/search/?q=${encodeURIComponent(query)}`);
    const first = page.locator(".search-result-title").first();
    await expect.poll(() => first.getAttribute("href"), { timeout: 30_000 }).toMatch(/#art-12$/);
    expect(new URL(await first.evaluate((link) => (link as HTMLAnchorElement).href)).pathname).toBe(
      `/${script}/articles/${LAW}/`,
    );
    expect(await first.innerText()).toContain(label);
    await first.click();
    await expect.poll(() => page.locator("#art-12").evaluate((node) => node.matches(":target"))).toBe(true);
    await page.close();
  });
});

describe("citing a clause", () => {
  const permalink = `/zh-hans/articles/${LAW}/`;

  it("points the citations to the clause the § link leads to, in the page's script, and back to the whole law", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hant/articles/${LAW}/#art-12`);
    const gbt = page.locator("[data-cite-gbt]");
    await expect.poll(() => gbt.innerText()).toMatch(/\(2023-09-01\): 第十二條\[\d{4}-\d{2}-\d{2}\]\. \S+#art-12\.$/);
    expect(await gbt.innerText()).toContain(`${permalink}#art-12.`);
    expect(await page.locator("[data-cite-chicago]").innerText()).toMatch(
      / September 1, 2023, art\. 12\. \S+#art-12\.$/,
    );
    expect(await page.locator("[data-cite-clause]").innerText()).toBe("下列引文指向第十二條。");
    await page.locator("#art-13 a.anchor").click();
    await expect.poll(() => gbt.innerText()).toMatch(/: 第十三條\[\d{4}-\d{2}-\d{2}\]\. \S+#art-13\.$/);
    await page.getByRole("button", { name: "改為引用全文" }).click();
    await expect.poll(() => gbt.innerText()).toMatch(/\(2023-09-01\)\[\d{4}-\d{2}-\d{2}\]\. \S+\/\.$/);
    expect(await page.locator("[data-cite-chicago]").innerText()).not.toContain("art.");
    expect(page.url()).not.toContain("#");
    await page.close();
  });

  it("says how to cite a clause when JavaScript is off", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${LAW}/#art-12`);
    expect(await page.locator("[data-cite-clause]").innerText()).toContain("日期后写条号（GB/T 7714 如“: 第十二条”");
    expect(await page.locator("[data-cite-gbt]").innerText()).toMatch(/\(2023-09-01\)\[引用日期\]\. \S+\/\.$/);
    await page.close();
  });
});

describe("files published with a document", () => {
  it("lists the attachment with type and size, serves it once for both scripts, and sizes the image", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hant/articles/${LAW}/`);
    const listed = page.locator("section.attachments li");
    expect(await listed.innerText()).toMatch(/shenqingshu\.pdf\s*PDF · 1 KB/);
    const href = await listed.locator("a").getAttribute("href");
    expect(href).toBe(`/files/${LAW}/shenqingshu.pdf`);
    const response = await page.request.get(`${server.url}${href}`);
    expect(Buffer.from(await response.body())).toEqual(Buffer.from(PDF_BYTES));
    const image = page.locator(".article-body img");
    expect(await image.getAttribute("src")).toBe(`/files/${LAW}/liucheng.png`);
    expect([await image.getAttribute("width"), await image.getAttribute("height")]).toEqual(["800", "600"]);
    expect(await image.getAttribute("loading")).toBe("lazy");
    expect(await image.getAttribute("alt")).toBe("辦理流程");
    await page.close();
  });
});

describe("versions of a regulation", () => {
  it("lists the versions with their dates, marks the one in force, and compares them without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${OLD}/`);
    const versions = page.locator("section.versions li");
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.nth(0).innerText()).toContain("2021年09月24日");
    expect(await versions.nth(0).getAttribute("aria-current")).toBe("page");
    expect(await versions.nth(1).innerText()).toContain("现行有效");
    await versions.nth(1).getByRole("link", { name: "与上一版本对照" }).click();
    await expect.poll(() => page.url()).toContain(`/zh-hans/articles/${NEW}/changes/`);
    expect(await page.locator(".summary").innerText()).toContain("修改 3 条");
    const clause = page.locator(`#change-art-23`);
    expect(await clause.locator("ins").allInnerTexts()).toEqual(["元"]);
    expect(await clause.locator("del").count()).toBe(0);
    await page.goto(`${server.url}/zh-hant/articles/${NEW}/changes/`);
    expect(await page.locator("#change-art-23 .change-head").innerText()).toContain("第二十三條");
    await page.close();
  });
});

describe("versions brought in by the import", () => {
  it("are chained by date, the newest shown as the latest, each compared with the one before", async () => {
    expect(imported).toHaveLength(3);
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/zh-hans/articles/${imported[2]}/`);
    const versions = page.locator("section.versions li");
    await expect.poll(() => versions.count()).toBe(3);
    expect(await versions.nth(0).innerText()).toContain("2016年02月06日");
    expect(await versions.nth(2).innerText()).toContain("最新版本");
    expect(await page.locator("h1").innerText()).toContain("中华人民共和国道路运输条例");
    for (const id of imported.slice(1)) {
      const changes = await page.goto(`${server.url}/zh-hant/articles/${id}/changes/`);
      expect(changes?.status()).toBe(200);
    }
    await page.close();
  });
});

describe("document pages", () => {
  it("are valid HTML: a law with its contents list, a version with its chain, a comparison", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "no-inline-style": "off", "long-title": "off" },
    });
    for (const file of [
      `zh-hant/articles/${LAW}/index.html`,
      `zh-hans/articles/${OLD}/index.html`,
      `zh-hant/articles/${NEW}/changes/index.html`,
    ]) {
      const report = await validator.validateString(readFileSync(path.join(build.outDir, file), "utf8"), file);
      expect(
        report.results.flatMap((result) => result.messages.map((m) => `${file}: ${m.ruleId} ${m.message}`)),
      ).toEqual([]);
    }
  });

  it("have no serious or critical axe violation", async () => {
    const page = await browser.newPage();
    for (const pathname of [
      `/zh-hant/articles/${LAW}/`,
      `/zh-hans/articles/${NEW}/`,
      `/zh-hans/articles/${NEW}/changes/`,
    ]) {
      await page.goto(`${server.url}${pathname}`);
      // Evaluated through the DevTools protocol, so the page's CSP does not block it.
      await page.evaluate(axe.source);
      const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run());
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
      expect(serious, pathname).toEqual([]);
    }
    await page.close();
  });
});
