import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../tests/e2e/support/browser.ts";
import { serveSite } from "../../tests/e2e/support/server.ts";
import { count, kb } from "./format.ts";
import { viewWithoutScript, weighPage, type NoScriptView, type PageWeight } from "./weight.ts";

/**
 * Searches weighed on a fresh page: a query in each script on its own script's page, a
 * Simplified query on the Traditional page, which loads the query conversion table too, and
 * one sorted newest first, which in a sharded index loads only the newest shards it needs.
 */
export const SEARCHES: readonly { script: string; query: string; sort?: "newest" }[] = [
  { script: "zh-hans", query: "乡村振兴" },
  { script: "zh-hant", query: "鄉村振興" },
  { script: "zh-hant", query: "乡村振兴" },
  { script: "zh-hans", query: "乡村振兴", sort: "newest" },
];

/** Responses named in each page's list of its largest. */
const LARGEST_SHOWN = 4;

/** Selector of a shown search result on the search page. */
const RESULT = "[data-search-results] li";

/** What readers download. */
export interface WeightResult {
  articles: { label: string; weight: PageWeight }[];
  noScript: NoScriptView;
  /** Undefined when the site has no search page yet. */
  searches: PageWeight[] | undefined;
}

/** Serves a built site and weighs article pages and first searches in Chromium. */
export async function measureWeight(siteDir: string, medianId: string, longestId: string): Promise<WeightResult> {
  const server = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const article = (script: string, id: string): string => `/${script}/articles/${id}/`;
    const articles = [
      {
        label: "median article, original (zh-hans)",
        weight: await weighPage(browser, server.url, article("zh-hans", medianId)),
      },
      {
        label: "median article, converted (zh-hant)",
        weight: await weighPage(browser, server.url, article("zh-hant", medianId)),
      },
      {
        label: "longest article, zh-hans",
        weight: await weighPage(browser, server.url, article("zh-hans", longestId)),
      },
    ];
    const noScript = await viewWithoutScript(browser, `${server.url}${article("zh-hant", medianId)}`);
    return { articles, noScript, searches: await weighSearches(siteDir, server.url, browser) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Weighs the first search on each script's search page, when the site has one. */
export async function weighSearches(
  siteDir: string,
  siteUrl: string,
  browser: Browser,
): Promise<PageWeight[] | undefined> {
  if (!existsSync(path.join(siteDir, "zh-hans/search/index.html"))) return undefined;
  const weights: PageWeight[] = [];
  for (const { script, query, sort } of SEARCHES) {
    const address = `/${script}/search/?q=${encodeURIComponent(query)}${sort ? `&sort=${sort}` : ""}`;
    weights.push(await weighPage(browser, siteUrl, address, RESULT));
  }
  return weights;
}

/** The report block. */
export function formatWeight(result: WeightResult): string[] {
  const lines = ["page weight (fresh browser cache; gzip -6 of each response, or its raw size when smaller):"];
  for (const { label, weight } of result.articles) lines.push(...formatPage(label, weight));
  lines.push(
    `  without JavaScript, the converted median article shows its heading (${result.noScript.heading.length} characters) ` +
      `and ${count(result.noScript.bodyChars)} characters of article text`,
  );
  if (!result.searches) {
    lines.push("  first search: the site has no search page (/zh-hans/search/) yet");
  } else {
    for (const weight of result.searches) {
      lines.push(
        ...formatPage(
          `first search ${decodeURIComponent(weight.path)}`,
          weight,
          `first result after ${count(weight.ms)} ms`,
        ),
      );
    }
  }
  return lines;
}

/** One page's totals and its bytes by kind of resource. */
export function formatPage(label: string, weight: PageWeight, note = ""): string[] {
  const byType = new Map<string, { requests: number; gzip: number }>();
  for (const item of weight.fetched) {
    const entry = byType.get(item.type) ?? { requests: 0, gzip: 0 };
    entry.requests++;
    entry.gzip += item.gzipBytes;
    byType.set(item.type, entry);
  }
  const parts = [...byType.entries()]
    .sort((a, b) => b[1].gzip - a[1].gzip)
    .map(([type, entry]) => `${type} ${kb(entry.gzip)} (${entry.requests})`);
  const largest = [...weight.fetched]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, LARGEST_SHOWN)
    .map((item) => `${new URL(item.url).pathname.split("/").filter(Boolean).at(-1) ?? "/"} ${kb(item.gzipBytes)}`);
  return [
    `  ${label}: ${kb(weight.gzipBytes)} gzipped, ${kb(weight.bytes)} raw, ${weight.fetched.length} requests${note ? `; ${note}` : ""}`,
    `    ${parts.join(", ")}${weight.thirdParty.length > 0 ? `; THIRD-PARTY: ${weight.thirdParty.join(" ")}` : "; no third-party requests"}`,
    `    largest: ${largest.join(", ")}`,
  ];
}
