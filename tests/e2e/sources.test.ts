import { execFile } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatChineseDay } from "../../src/lib/article/display.ts";
import { runImport } from "../../src/lib/import/importer.ts";
import { readLedger } from "../../src/lib/sources/ledger.ts";
import { ROOT } from "../helpers/archive.ts";
import { newsPage, send, servePages, softNotFoundPage, type PageText } from "../helpers/source-pages.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/**
 * The source checks from end to end: an archive imported from pages a local server serves,
 * `npm run sources` run against it as a maintainer runs it, and the site built from what it
 * found, read in a browser.
 */

const run = promisify(execFile);

const PARAGRAPHS = [
  "12月6日，国务院新闻办公室举行新闻发布会，介绍优化营商环境有关情况。",
  "发布会上，有关负责人表示，将进一步减少审批事项，压减办理时限，推动更多事项网上办理。",
  "下一步，将加强督促检查，确保各项措施落地见效，让企业和群众有更多获得感。",
];
const text = (name: string): PageText => ({
  title: `优化营商环境新闻发布会（${name}）`,
  day: "2024-12-06",
  paragraphs: PARAGRAPHS,
});
const EDITED = "发布会上，有关负责人表示，将进一步减少审批事项，推动更多事项“一网通办”。";

const PAGES = {
  unchanged: "/news/unchanged.html",
  changed: "/news/changed.html",
  gone: "/news/gone.html",
  soft404: "/news/soft404.html",
  robots: "/private/robots.html",
  slow: "/news/slow.html",
} as const;
type Name = keyof typeof PAGES;

let pages: Awaited<ReturnType<typeof servePages>>;
let archive: string;
let ids: Record<Name, string>;
let output: string;
let build: BuildResult;
let site: SiteServer;
let browser: Browser;

beforeAll(async () => {
  pages = await servePages((origin) => ({
    "/robots.txt": send("User-agent: *\nDisallow: /private/\n", 200, { "content-type": "text/plain" }),
    [PAGES.unchanged]: send(newsPage(`${origin}${PAGES.unchanged}`, text("unchanged"))),
    [PAGES.changed]: send(
      newsPage(`${origin}${PAGES.changed}`, {
        ...text("changed"),
        paragraphs: [PARAGRAPHS[0]!, EDITED, PARAGRAPHS[2]!],
      }),
    ),
    [PAGES.soft404]: send(softNotFoundPage()),
    [PAGES.robots]: send(newsPage(`${origin}${PAGES.robots}`, text("robots"))),
    [PAGES.slow]: () => undefined,
  }));
  const work = mkdtempSync(path.join(tmpdir(), "sources-e2e-"));
  const saved = path.join(work, "saved");
  archive = path.join(work, "archive");
  mkdirSync(saved);
  mkdirSync(archive);
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(archive, "site.yaml"));
  appendFileSync(path.join(archive, "site.yaml"), "sources:\n  delay_ms: 0\n  timeout_ms: 1500\n  retries: 0\n");
  const written: Record<string, string> = {};
  for (const [name, where] of Object.entries(PAGES)) {
    writeFileSync(path.join(saved, `${name}.html`), newsPage(`${pages.origin}${where}`, text(name)));
  }
  await runImport(
    [saved],
    { archive, allowDuplicates: true },
    {
      event: (event) => {
        if (event.kind === "written") written[path.basename(event.input, ".html")] = path.basename(event.path, ".md");
      },
    },
  );
  ids = written as Record<Name, string>;
  // An earlier run found the deleted page gone eight days ago: this run's 404 confirms it.
  mkdirSync(path.join(archive, "sources"));
  const earlier = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000).toISOString();
  writeFileSync(
    path.join(archive, "sources", "checks.jsonl"),
    `${JSON.stringify({ id: ids.gone, url: `${pages.origin}${PAGES.gone}`, checked: earlier, outcome: "removed", http_status: 404, final_url: `${pages.origin}${PAGES.gone}`, sha256: null })}\n`,
  );
  const result = await run("npm", ["run", "--silent", "sources", "--", "--archive", archive, "--all"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ARCHIVE_LOCK_TOKEN: "" },
  });
  output = result.stdout;
  build = buildSite(archive);
  site = await serveSite(build.outDir);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await pages?.close();
});

const page = (script: string, id: string, rest = "") =>
  readFileSync(path.join(build.outDir, script, "articles", id, rest, "index.html"), "utf8");

describe("checking the originals and showing what was found", () => {
  it("records one check per article with the outcome each deserves", () => {
    expect(build.status, build.output).toBe(0);
    const records = readLedger(archive).records.slice(1);
    const outcome = (name: Name) => records.filter((record) => record.id === ids[name]).map((record) => record.outcome);
    expect(Object.fromEntries((Object.keys(PAGES) as Name[]).map((name) => [name, outcome(name)]))).toEqual({
      unchanged: ["unchanged"],
      changed: ["changed"],
      gone: ["removed"],
      soft404: ["removed"],
      robots: ["blocked"],
      slow: ["unreachable"],
    });
    expect(output).toContain(
      "Summary: 6 checks: 1 unchanged, 1 changed, 2 removed, 1 blocked, 1 unreachable; 1 new capture",
    );
  });

  it("keeps the changed original as a second capture of the same article", () => {
    const folder = path.join(archive, "sources", "captures", ids.changed);
    const captures = readdirSync(folder);
    expect(captures).toHaveLength(1);
    expect(readFileSync(path.join(folder, captures[0]!), "utf8")).toContain(EDITED);
    expect(
      readdirSync(path.join(archive, "articles"), { recursive: true }).filter((f) => String(f).endsWith(".md")),
    ).toHaveLength(6);
  });

  it("tells readers on the article page what became of the original, with the day of the check", async () => {
    // The day of the check in China time, as the site shows every day.
    const checkedDay = formatChineseDay(new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10));
    const tab = await browser.newPage();
    const status = async (id: string, script = "zh-hans") => {
      await tab.goto(`${site.url}/${script}/articles/${id}/`);
      return (await tab.locator(".source-status .state").textContent())?.trim();
    };
    expect(await status(ids.unchanged)).toBe(`原网页仍可访问（检查于${checkedDay}）`);
    expect(await status(ids.changed)).toBe(`原网页已修改（检查于${checkedDay}）`);
    expect(await status(ids.gone)).toBe(`原网页已删除（检查于${checkedDay}）`);
    expect(await status(ids.gone, "zh-hant")).toBe(`原網頁已刪除（檢查於${checkedDay}）`);
    // One removed check is not enough to call it removed.
    expect(await status(ids.soft404)).toBe(`原网页暂时无法访问（检查于${checkedDay}）`);
    expect(await status(ids.slow)).toBe(`原网页暂时无法访问（检查于${checkedDay}）`);
    await tab.goto(`${site.url}/zh-hans/articles/${ids.unchanged}/`);
    expect(await tab.locator(".source-status a.wayback").getAttribute("href")).toBe(
      `https://web.archive.org/web/20241206/${pages.origin}${PAGES.unchanged}`,
    );
    expect(await tab.locator(".content-hash code").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await tab.close();
  });

  it("lists the captures of a changed original and compares them in both scripts", () => {
    const html = page("zh-hans", ids.changed);
    expect(html).toContain("历次采集");
    expect(html).toContain(`captures/1/`);
    const hans = page("zh-hans", ids.changed, "captures/1");
    expect(hans).toContain("<del>压减办理时限，</del>");
    expect(hans).toMatch(/<ins>“一<\/ins>网/);
    const hant = page("zh-hant", ids.changed, "captures/1");
    expect(hant).toContain("<del>壓減辦理時限，</del>");
    expect(existsSync(path.join(build.outDir, "zh-hans", "articles", ids.unchanged, "captures"))).toBe(false);
  });

  it("lists articles removed at their source on a page and in a feed, and marks them in the exports", () => {
    const list = readFileSync(path.join(build.outDir, "zh-hans", "browse", "removed", "index.html"), "utf8");
    expect(list).toContain(`/zh-hans/articles/${ids.gone}/`);
    expect(list).not.toContain(`/zh-hans/articles/${ids.soft404}/`);
    const feed = readFileSync(path.join(build.outDir, "zh-hant", "browse", "removed", "feed.xml"), "utf8");
    expect(feed).toContain(`/zh-hant/articles/${ids.gone}/`);
    const exported = JSON.parse(readFileSync(path.join(build.outDir, "data", "articles.json"), "utf8")) as Record<
      string,
      unknown
    >[];
    const gone = exported.find((record) => record.id === ids.gone)!;
    expect(gone).toMatchObject({ source_status: "removed", content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(exported.find((record) => record.id === ids.changed)).toMatchObject({ source_status: "changed" });
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page("zh-hans", ids.gone))![1]!;
    expect(JSON.parse(jsonLd)).toMatchObject({
      isBasedOn: { creativeWorkStatus: "removed" },
      identifier: { propertyID: "sha256", value: gone.content_sha256 },
    });
  });
});
