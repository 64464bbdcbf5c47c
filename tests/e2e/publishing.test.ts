import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeArchive, SAMPLE_ARTICLE } from "../helpers/archive.ts";
import { crawlSite } from "./support/links.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { resultPaths, searchSettled } from "./support/search-page.ts";
import type { SiteServer } from "./support/server.ts";
import { startCaddy, startNginx } from "./support/web-servers.ts";

/**
 * One build of the sample archive published as a GitHub Pages project site would be,
 * under /policy-archive/, served by Debian's nginx and Caddy with the configs of
 * docs/publishing.md; nothing is served at the host's root.
 */
const SUB_PATH = "policy-archive";
const BASE = `/${SUB_PATH}/`;
const ARTICLE = "articles/2020-03-04-1h89qg/";

let build: BuildResult;
let nginx: SiteServer;
let caddy: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const archive = makeArchive({ "2020/03/sample.md": readFileSync(SAMPLE_ARTICLE) });
  const settings = readFileSync(path.join(archive, "site.yaml"), "utf8");
  writeFileSync(
    path.join(archive, "site.yaml"),
    `${settings.replace(/^url: .*$/m, `url: https://example.github.io/${SUB_PATH}`)}precompress: true\n`,
  );
  build = buildSite(archive);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  nginx = await startNginx(build.outDir, SUB_PATH);
  caddy = await startCaddy(build.outDir, SUB_PATH);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
  await caddy?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is kept as sent (fetch would decompress it), with the Accept-Encoding given. */
function get(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const built = (file: string): Buffer => readFileSync(path.join(build.outDir, file));

const FOREVER = "public, max-age=31536000, immutable";

/** The checks of docs/publishing.md's "Headers that matter", for one server. */
async function checkDocumentedHeaders(server: SiteServer): Promise<void> {
  const home = `${server.url}${BASE}zh-hant/`;
  const br = await get(home, "br, gzip");
  expect(br.status).toBe(200);
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.body.equals(built("zh-hant/index.html.br")), "the .br file the build wrote").toBe(true);
  expect(br.headers["content-type"]).toMatch(/^text\/html; ?charset=utf-8$/);
  expect(br.headers["cache-control"]).toBe("no-cache");
  expect(br.headers["vary"]).toMatch(/accept-encoding/i);
  expect(br.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(br.headers["x-content-type-options"]).toBe("nosniff");

  const gz = await get(home, "gzip");
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(gz.body.equals(built("zh-hant/index.html.gz")), "the .gz file the build wrote").toBe(true);
  const plain = await get(home);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.equals(built("zh-hant/index.html"))).toBe(true);

  const [script = ""] = await glob("_astro/*.js", { cwd: build.outDir });
  const asset = await get(`${server.url}${BASE}${script}`, "gzip");
  expect(asset.headers["cache-control"]).toBe(FOREVER);
  expect(asset.headers["content-type"]).toMatch(/^(application|text)\/javascript/);

  const [fragment = ""] = await glob("pagefind/*/fragment/*.pf_fragment", { cwd: build.outDir });
  const [wasm = ""] = await glob("pagefind/*/wasm.*.pagefind", { cwd: build.outDir });
  const [table = ""] = await glob("pagefind/convert-*.json", { cwd: build.outDir });
  for (const [file, cache] of [
    [fragment, FOREVER],
    [table, FOREVER],
    [wasm, "no-cache"],
    ["pagefind/search.zh-hans.json", "no-cache"],
  ] as const) {
    const response = await get(`${server.url}${BASE}${file}`, "br, gzip");
    expect(response.status, file).toBe(200);
    expect(response.headers["cache-control"], file).toBe(cache);
    if (file.endsWith(".json")) {
      expect(response.headers["content-type"], file).toMatch(/^application\/json/);
    } else {
      // Pagefind's own compressed data, sent as it is for its script to unpack.
      expect(response.headers["content-type"], file).toBe("application/octet-stream");
      expect(response.headers["content-encoding"], file).toBeUndefined();
      expect(response.body.equals(built(file)), file).toBe(true);
    }
  }
  expect((await get(`${server.url}${BASE}sitemap-index.xml`)).headers["content-type"]).toMatch(/xml/);

  const missing = await get(`${server.url}${BASE}zh-hans/articles/no-such-article/`);
  expect(missing.status).toBe(404);
  const notFound = missing.body.toString();
  for (const text of [
    "<h1>找不到該頁面</h1>",
    "<h2>找不到该页面</h2>",
    `href="${BASE}zh-hans/"`,
    `href="${BASE}zh-hant/"`,
  ]) {
    expect(notFound.includes(text), `the 404 page has ${text}`).toBe(true);
  }

  // Nothing at the host's root: the site is only under its base.
  expect((await get(`${server.url}/zh-hant/`)).status).toBe(404);
}

describe("a site under a sub-path", () => {
  it("writes every address in pages, feeds, sitemaps, data and search files under the base", async () => {
    const files = await glob("**/*.{html,xml,json,jsonl,csv,txt,bib,ris,md}", { cwd: build.outDir });
    const outside: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(build.outDir, file), "utf8");
      const absolute = text.match(/https:\/\/example\.github\.io[^\s"'<>)\]},]*/g) ?? [];
      const rooted = [...text.matchAll(/(?:href|src|action|content)="(\/[^"]*)"/g)].map((match) => match[1] ?? "");
      const bundles = [...text.matchAll(/"(\/pagefind\/[^"]*|\/[^"]*\/pagefind\/[^"]*)"/g)].map((m) => m[1] ?? "");
      const refresh = [...text.matchAll(/url=(\/[^"]*)"/g)].map((match) => match[1] ?? "");
      for (const address of [...absolute, ...rooted, ...bundles, ...refresh]) {
        const inside = address.startsWith("/")
          ? address.startsWith(BASE)
          : address.startsWith(`https://example.github.io${BASE}`);
        if (!inside) outside.push(`${file}: ${address}`);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    expect(outside).toEqual([]);
  });
});

describe("a site under a sub-path, behind Debian's nginx with the documented config", () => {
  it("sends the documented headers, the precompressed files and the 404 page", async () => {
    await checkDocumentedHeaders(nginx);
  });

  it("has no link leading outside the sub-path or to a missing page", async () => {
    const result = await crawlSite(`${nginx.url}${BASE}`, nginx.url);
    expect(result.broken).toEqual([]);
    const outside = result.links.filter((link) => !link.url.startsWith(`${nginx.url}${BASE}`)).map((link) => link.url);
    expect(outside.filter((url) => url.startsWith(nginx.url))).toEqual([]);
    expect(result.links.length).toBeGreaterThan(50);
  });

  it("sends readers from the base to a home page, searches in both scripts and switches script, all under the base", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const requests: string[] = [];
    const violations: string[] = [];
    page.on("request", (req) => requests.push(req.url()));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    });

    await page.goto(`${nginx.url}${BASE}`);
    await page.waitForURL(`${nginx.url}${BASE}zh-hans/`);

    expect(await searchFor(page, "zh-hans", "脱贫攻坚")).toContain(`${BASE}zh-hans/${ARTICLE}`);
    expect(await searchFor(page, "zh-hant", "掛牌督戰")).toContain(`${BASE}zh-hant/${ARTICLE}`);
    // A query in the other script fetches the conversion table and lexicon parts: under the base too.
    expect(await searchFor(page, "zh-hant", "脱贫攻坚")).toContain(`${BASE}zh-hant/${ARTICLE}`);
    await page.locator(".search-result-title").first().click();
    await page.waitForURL(`${nginx.url}${BASE}zh-hant/${ARTICLE}**`);
    await page.locator("a[data-script-choice]").click();
    await page.waitForURL(`${nginx.url}${BASE}zh-hans/${ARTICLE}**`);
    await page.goto(`${nginx.url}${BASE}`);
    await page.waitForURL(`${nginx.url}${BASE}zh-hans/`);

    expect(requests.filter((url) => !url.startsWith(`${nginx.url}${BASE}`))).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("the same site behind Debian's Caddy with the documented config", () => {
  it("sends the documented headers, the precompressed files and the 404 page", async () => {
    await checkDocumentedHeaders(caddy);
  });
});

/** Searches from a script's search page as a reader does, and returns the paths of the results. */
async function searchFor(page: Page, segment: "zh-hans" | "zh-hant", query: string): Promise<string[]> {
  await page.goto(`${nginx.url}${BASE}${segment}/search/`);
  await page.locator("#search-q").fill(query);
  await page.locator("#search-q").press("Enter");
  await searchSettled(page);
  return resultPaths(page);
}
