import { gzipSync } from "node:zlib";
import type { Browser, Response } from "playwright-core";

/** One response a page received. */
export interface Fetched {
  url: string;
  type: string;
  bytes: number;
  /** Gzipped size (level 6, as web servers commonly send), or the raw size when that is smaller. */
  gzipBytes: number;
}

/** Everything one page load fetched. */
export interface PageWeight {
  path: string;
  fetched: Fetched[];
  bytes: number;
  gzipBytes: number;
  /** Requests to any other host than the site's own. */
  thirdParty: string[];
  /** Milliseconds from navigation until the page was ready (for a search: the first result shown). */
  ms: number;
}

/** What a page shows with JavaScript turned off. */
export interface NoScriptView {
  heading: string;
  bodyChars: number;
}

/** How long a search may take to show results on a loaded shared machine. */
const SEARCH_TIMEOUT_MS = 120_000;

/**
 * Loads one page in a fresh browser context (empty cache) and records every response it
 * receives until the network is idle. `ready`, when given, is a selector to wait for first.
 */
export async function weighPage(
  browser: Browser,
  siteUrl: string,
  pagePath: string,
  ready?: string,
): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<Fetched | undefined>[] = [];
  page.on("response", (response) => pending.push(measureResponse(response)));
  const started = performance.now();
  await page.goto(`${siteUrl}${pagePath}`, { waitUntil: "load" });
  if (ready) await page.waitForSelector(ready, { timeout: SEARCH_TIMEOUT_MS });
  const ms = performance.now() - started;
  await page.waitForLoadState("networkidle");
  const fetched = (await Promise.all(pending)).filter((item): item is Fetched => item !== undefined);
  await context.close();
  const origin = new URL(siteUrl).origin;
  return {
    path: pagePath,
    fetched,
    bytes: fetched.reduce((sum, item) => sum + item.bytes, 0),
    gzipBytes: fetched.reduce((sum, item) => sum + item.gzipBytes, 0),
    thirdParty: fetched
      .filter((item) => !item.url.startsWith("data:") && new URL(item.url).origin !== origin)
      .map((item) => item.url),
    ms,
  };
}

/** Loads a page with JavaScript turned off and reads its heading and the length of its article text. */
export async function viewWithoutScript(browser: Browser, url: string): Promise<NoScriptView> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const heading = (await page.locator("h1").first().textContent()) ?? "";
  const body = await page.locator(".article-body").first().innerText();
  await context.close();
  return { heading: heading.trim(), bodyChars: body.trim().length };
}

async function measureResponse(response: Response): Promise<Fetched | undefined> {
  // Redirects and aborted requests have no body; they cost a round trip, not bytes.
  const body = await response.body().catch(() => undefined);
  if (!body) return undefined;
  const gzipped = gzipSync(body, { level: 6 }).length;
  return {
    url: response.url(),
    type: response.request().resourceType(),
    bytes: body.length,
    gzipBytes: Math.min(body.length, gzipped),
  };
}
