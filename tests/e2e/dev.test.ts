import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/archive.ts";
import { generateArticles, writeGeneratedArticles, type GeneratedArticle } from "../helpers/generated.ts";
import { launchBrowser } from "./support/browser.ts";
import { startDevServer, type DevServer } from "./support/dev-server.ts";

/** Enough articles that a dev server building its indexes per page or per path would time out. */
const ARTICLES = 2_000;

let work: string;
let archive: string;
let articles: GeneratedArticle[];
/** An article given a sentence naming a person, a place and an organisation, none listed in its front matter. */
let named: GeneratedArticle;
const NAMED_SENTENCE = "国务院总理李强在北京主持召开国务院常务会议。";
let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "dev-"));
  archive = path.join(work, "archive");
  articles = generateArticles(ARTICLES, 29);
  named = articles.find((article) => article.fields["script"] === "hans")!;
  named.body += `\n${NAMED_SENTENCE}\n`;
  writeGeneratedArticles(archive, articles);
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(archive, "site.yaml"));
  server = await startDevServer(archive, path.join(work, "cache"));
  console.log(`dev server on ${ARTICLES} articles answered after ${server.readySeconds.toFixed(1)} s`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads a page and says how long the server took to answer it. */
async function timedGoto(pathname: string) {
  const page = await browser.newPage({ javaScriptEnabled: false });
  const started = performance.now();
  const response = await page.goto(`${server.url}${pathname}`);
  return { page, response, seconds: (performance.now() - started) / 1000 };
}

describe("the dev server on a large archive", () => {
  it("answers an article page in each script, and quickly the second time", async () => {
    const article = articles[Math.floor(ARTICLES / 2)]!;
    for (const script of ["hans", "hant"] as const) {
      const first = await timedGoto(`/zh-${script}/articles/${article.id}/`);
      expect(first.response?.status()).toBe(200);
      expect(await first.page.locator("h1").count()).toBe(1);
      if (script === article.fields["script"]) {
        expect(await first.page.locator("h1").textContent()).toBe(JSON.parse(article.fields["title"]!));
      }
      // Timed once the names of every body are found: until then a thread finding them shares the two cores.
      await expect
        .poll(() => server.output(), { timeout: 60_000, interval: 500 })
        .toMatch(/names found in the \d+ bodies left/);
      const again = await timedGoto(`/zh-${script}/articles/${articles[10]!.id}/`);
      expect(again.response?.status()).toBe(200);
      console.log(`${script}: first article page ${first.seconds.toFixed(2)} s, another ${again.seconds.toFixed(2)} s`);
      // A page costing a pass over the whole archive per request would take seconds here.
      expect(again.seconds).toBeLessThan(3);
      await first.page.close();
      await again.page.close();
    }
  });

  /**
   * The title the next article's page gives this one in its link back. An article's own
   * page reads its file on each request; the next one takes the title from the content
   * store, so this shows whether the store has an edit.
   */
  async function titleInNextLink(id: string): Promise<string | undefined> {
    const page = await fetch(`${server.url}/zh-hans/articles/${id}/`).then((answer) => answer.text());
    const next = /<a href="([^"]+)" rel="next"/.exec(page)?.[1];
    if (!next) throw new Error(`no link to the next article on ${id}'s page`);
    const nextPage = await fetch(`${server.url}${next}`).then((answer) => answer.text());
    return new RegExp(`<a href="/zh-hans/articles/${id}/" rel="prev"[^>]*>([^<]*)<`).exec(nextPage)?.[1];
  }

  it("shows an edit of the article's title and text on the next requests", async () => {
    const article = articles[Math.floor(ARTICLES / 3)]!;
    const file = path.join(archive, "articles", article.file);
    const text = readFileSync(file, "utf8");
    const edited = text
      .replace(/^title: .*$/m, "title: 编辑后的标题")
      .replace(/\n---\n\n/, "\n---\n\n编辑后新加的一段。\n\n");
    const started = performance.now();
    writeFileSync(file, edited);
    const pathname = `/zh-hans/articles/${article.id}/`;
    await expect
      .poll(
        async () => {
          const answer = await fetch(`${server.url}${pathname}`);
          const html = await answer.text();
          return html.includes("<h1>编辑后的标题</h1>") && html.includes("编辑后新加的一段。");
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
    console.log(`edit shown after ${((performance.now() - started) / 1000).toFixed(2)} s`);
    await expect.poll(() => titleInNextLink(article.id), { timeout: 15_000, interval: 250 }).toContain("编辑后的标题");
    console.log(`edit shown in the next article's link after ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });

  it("shows the names found in the text once found, after answering first", async () => {
    // The cache starts empty, so the server answered before reading every body for names.
    expect(server.output()).toMatch(/finding names in \d+ bodies while the server answers/);
    await expect
      .poll(
        async () => {
          const html = await fetch(`${server.url}/zh-hans/articles/${named.id}/`).then((answer) => answer.text());
          // The metadata table's row of people, marked as found.
          return /<tr data-found[^>]*>\s*<th[^>]*>[^<]*<\/th>\s*<td[^>]*>[^<]*李强/.test(html);
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);
  });

  it("shows an article added to the archive and forgets one removed, and another edit after the first", async () => {
    const added = { ...articles[0]!, id: "2024-12-31-added", file: "2024/12/2024-12-31-added.md" };
    const file = path.join(archive, "articles", added.file);
    writeFileSync(
      file,
      readFileSync(path.join(archive, "articles", articles[0]!.file), "utf8")
        .replace(/^id: .*$/m, `id: ${added.id}`)
        .replace(/^date: .*$/m, "date: 2024-12-31")
        .replace(/^title: .*$/m, "title: 新加的文章"),
    );
    const status = async (id: string) => (await fetch(`${server.url}/zh-hans/articles/${id}/`)).status;
    await expect.poll(() => status(added.id), { timeout: 15_000, interval: 250 }).toBe(200);
    rmSync(file);
    await expect.poll(() => status(added.id), { timeout: 15_000, interval: 250 }).toBe(404);
    const other = articles[Math.floor((ARTICLES * 2) / 3)]!;
    const otherFile = path.join(archive, "articles", other.file);
    writeFileSync(otherFile, readFileSync(otherFile, "utf8").replace(/^title: .*$/m, "title: 又一次编辑"));
    await expect
      .poll(
        async () =>
          (await fetch(`${server.url}/zh-hans/articles/${other.id}/`).then((answer) => answer.text())).includes(
            "<h1>又一次编辑</h1>",
          ),
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
    await expect.poll(() => titleInNextLink(other.id), { timeout: 15_000, interval: 250 }).toContain("又一次编辑");
  });

  it("serves an article's downloads as the built site does: its month's zip, and its file and citations in the page", async () => {
    const article = articles[Math.floor(ARTICLES / 4)]!;
    const page = await fetch(`${server.url}/zh-hans/articles/${article.id}/`).then((answer) => answer.text());
    const stored = readFileSync(path.join(archive, "articles", article.file), "utf8");
    const carried = /<script type="application\/json" id="article-source">(.*?)<\/script>/s.exec(page)?.[1];
    expect(JSON.parse(carried ?? "null")).toBe(stored);
    const zip = `/data/source/${article.id.slice(0, 7)}.zip`;
    expect(page).toContain(`href="${zip}"`);
    const answer = await fetch(`${server.url}${zip}`);
    expect(answer.status).toBe(200);
    const files = unzipSync(new Uint8Array(await answer.arrayBuffer()));
    expect(Buffer.from(files[`${article.id}.md`]!).toString("utf8")).toBe(stored);
    // Citations travel in the page itself (data: addresses), and no citation file is served
    // where the built site writes none (download_files is off by default).
    expect(page).toMatch(new RegExp(`href="data:[^"]+" download="${article.id}\\.bib"`));
    expect((await fetch(`${server.url}/data/cite/${article.id}.bib`)).status).toBe(404);
    expect((await fetch(`${server.url}/data/source/${article.id}.md`)).status).toBe(404);
    expect((await fetch(`${server.url}/data/source/1999-01.zip`)).status).toBe(404);
  });
});
