import { rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureFirstSearch, PROFILES, type FirstSearchCase } from "../../bench/perf/first-search.ts";
import { precompressSite } from "../../src/lib/publish/precompress.ts";
import { makeArchive } from "../helpers/archive.ts";
import { generateArticles, writeGeneratedArticles } from "../helpers/generated.ts";
import { launchBrowser } from "./support/browser.ts";
import { buildSite, type BuildResult } from "./support/build.ts";
import { serveSite, type SiteServer } from "./support/server.ts";

/**
 * A reader's first search on Slow 4G (DevTools throttling: 562.5 ms a request, 1.44 Mbps), on
 * a site served compressed as hosts serve it. What is asserted is the shape that decides the
 * time on such a network, which a busy test machine does not change: how many downloads wait
 * on one another. The times are printed; npm run bench measures them on the whole corpus.
 */

let build: BuildResult;
let server: SiteServer;
/** The same site over HTTP/2, as GitHub Pages, Cloudflare and Netlify serve it. */
let http2: SiteServer;
let browser: Browser;

beforeAll(async () => {
  const archive = makeArchive({});
  writeGeneratedArticles(archive, generateArticles(200, 11));
  build = buildSite(archive);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  await precompressSite(build.outDir);
  server = await serveSite(build.outDir, { compressed: true });
  http2 = await serveSite(build.outDir, { compressed: true, http2: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await http2?.close();
  if (build) rmSync(path.dirname(build.outDir), { recursive: true, force: true });
});

describe("the first search on a slow phone network", () => {
  it.each([
    // From Enter on the loaded page: the index chunks, then the results' excerpts, at most.
    [{ script: "zh-hant", query: "疫情", start: "typed" }, 2],
    // Typed in the other script: 复 has several Traditional forms, so converting it needs a lexicon part.
    [{ script: "zh-hant", query: "恢复", start: "typed" }, 2],
    // From opening a link to the results: the page, then everything preloaded at once, then the chunks and the excerpts.
    [{ script: "zh-hant", query: "疫情", start: "cold" }, 4],
    [{ script: "zh-hans", query: "疫情", start: "cold", sort: "newest" }, 4],
  ] as [FirstSearchCase, number][])("%o waits on at most %i downloads in a row", async (search, chain) => {
    const run = await measureFirstSearch(browser, server.url, search, PROFILES.slow4g);
    console.log(
      `${JSON.stringify(search)}: first result after ${run.ms} ms, ${run.requests} requests, chain ${run.chain}: ${run.path.join(" → ")}`,
    );
    expect(run.chain).toBeLessThanOrEqual(chain);
  });

  it("over HTTP/2, takes every download of a cold link over that one protocol, with no more in a row", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const protocols = new Set<string>();
    await cdp.send("Network.enable");
    cdp.on("Network.responseReceived", (event) => {
      if (!event.response.url.startsWith("data:")) protocols.add(event.response.protocol ?? "");
    });
    await page.goto(`${http2.url}/zh-hans/search/?q=${encodeURIComponent("疫情")}`);
    await page.waitForSelector("[data-search-results] li");
    await context.close();
    expect([...protocols]).toEqual(["h2"]);
    const run = await measureFirstSearch(
      browser,
      http2.url,
      { script: "zh-hant", query: "疫情", start: "cold" },
      PROFILES.slow4g,
    );
    console.log(`HTTP/2, cold: first result after ${run.ms} ms, chain ${run.chain}: ${run.path.join(" → ")}`);
    expect(run.chain).toBeLessThanOrEqual(4);
  });

  it("asks for nothing twice when opened cold: every preload is the download the search uses", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("request", (request) => asked.push(request.url()));
    await page.goto(`${server.url}/zh-hans/search/?q=${encodeURIComponent("疫情")}`);
    await page.waitForSelector("[data-search-results] li");
    await context.close();
    const twice = asked.filter((url, index) => asked.indexOf(url) !== index);
    expect(twice).toEqual([]);
    expect(asked.some((url) => url.includes("pagefind-worker.js"))).toBe(false);
  });
});
