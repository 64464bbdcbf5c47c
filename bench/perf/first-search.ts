import type { Browser, CDPSession } from "playwright-core";

/**
 * A reader's first search on a phone network, in Chromium with the network throttled through
 * the DevTools protocol: how long until the first result shows, how many requests and bytes
 * it took, and how many of them waited on one another (the critical path), which is what a
 * network of long round trips makes slow.
 */

/** A throttled network, as Chrome DevTools and Lighthouse define their presets. */
export interface NetworkProfile {
  name: string;
  /** Added to every request, in milliseconds. */
  latency: number;
  /** Bits per second. */
  download: number;
  upload: number;
}

/** Lighthouse's and DevTools' "Slow 4G" and "Fast 4G". */
export const PROFILES = {
  slow4g: { name: "Slow 4G", latency: 562.5, download: 1.44e6, upload: 675e3 },
  fast4g: { name: "Fast 4G", latency: 165, download: 8.1e6, upload: 4.05e6 },
} satisfies Record<string, NetworkProfile>;

/** How the first search starts: a query typed into the loaded search page, or a link to the results opened cold. */
export type SearchStart = "typed" | "cold";

/** One first search to measure. */
export interface FirstSearchCase {
  /** zh-hans or zh-hant: whose search page. */
  script: string;
  query: string;
  sort?: "newest";
  start: SearchStart;
}

/** One request of a search, with when it started and ended (milliseconds from the search's start). */
interface Request {
  url: string;
  start: number;
  end: number;
  bytes: number;
}

/** What one first search took. */
export interface FirstSearchRun {
  /** Milliseconds from the Enter key (typed) or the navigation (cold) until the first result shows. */
  ms: number;
  /**
   * Milliseconds until the results shown are ranked over every shard: later than `ms` when the
   * first ones came from the newest shards only, while the others' page lists loaded.
   */
  rankedMs: number;
  /** The requests, bytes, and of those the word chunks' bytes until then: what the whole ranking cost. */
  rankedRequests: number;
  rankedBytes: number;
  rankedChunkBytes: number;
  /** Requests made until then, and the bytes they carried over the network (as sent, compressed or not). */
  requests: number;
  bytes: number;
  /** The longest chain of requests each starting only after the one before it had ended. */
  chain: number;
  /** Of those bytes, the word chunks' (Pagefind's .pf_index files). */
  chunkBytes: number;
  /** The files on that chain, in order (their paths on the site). */
  path: string[];
}

/** Selector of a shown search result. */
const RESULT = "[data-search-results] li";

/** Selector of a shown search result ranked over every shard. */
const RANKED = "[data-search-results]:not([data-provisional]) li";

/** A search that shows no result within this time has failed. */
const TIMEOUT_MS = 120_000;

/**
 * Runs one first search in a fresh browser context (empty cache) on the given network, and
 * measures it. A typed search starts from the loaded, settled search page; its page load is
 * not counted.
 */
export async function measureFirstSearch(
  browser: Browser,
  siteUrl: string,
  search: FirstSearchCase,
  profile: NetworkProfile,
): Promise<FirstSearchRun> {
  // A site served over HTTP/2 has a certificate of its own (tests/e2e/support/server.ts).
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  // The times a result is first on screen, and one ranked over every shard, taken in the page: the
  // frame after it is added. Playwright's own wait for it answered 0.3-0.5 s later under network emulation.
  // No function is declared inside: tsx would wrap it in a helper the page does not have.
  await page.addInitScript(
    ({ result, ranked }: { result: string; ranked: string }) => {
      const marks = window as unknown as Record<string, number>;
      new MutationObserver((_, observer) => {
        for (const [name, selector] of [
          ["firstResultShownAt", result],
          ["rankedResultShownAt", ranked],
        ] as const) {
          if (name in marks || !document.querySelector(selector)) continue;
          marks[name] = 0;
          requestAnimationFrame(() => {
            marks[name] = performance.timeOrigin + performance.now();
          });
        }
        if ("rankedResultShownAt" in marks) observer.disconnect();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-provisional"] });
    },
    { result: RESULT, ranked: RANKED },
  );
  const cdp = await context.newCDPSession(page);
  const requests = await recordRequests(cdp);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.download / 8,
    uploadThroughput: profile.upload / 8,
  });
  try {
    const query = `?q=${encodeURIComponent(search.query)}${search.sort ? `&sort=${search.sort}` : ""}`;
    const searchPage = `${siteUrl}/${search.script}/search/`;
    let started: number;
    if (search.start === "cold") {
      started = Date.now();
      requests.since(started);
      await page.goto(`${searchPage}${query}`, { waitUntil: "commit" });
    } else {
      await page.goto(searchPage, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      if (search.sort) await page.selectOption("select[name=sort]", search.sort);
      await page.waitForLoadState("networkidle");
      await page.type("#search-q", search.query, { delay: 150 });
      started = Date.now();
      requests.since(started);
      await page.press("#search-q", "Enter");
    }
    await page.waitForSelector(RANKED, { timeout: TIMEOUT_MS });
    const shownAt = await page.waitForFunction(() => {
      const marks = window as unknown as Record<string, number | undefined>;
      const ranked = marks["rankedResultShownAt"];
      return ranked ? [marks["firstResultShownAt"] ?? ranked, ranked] : false;
    });
    const times = (await shownAt.jsonValue()) || [];
    const [shown = 0, ranked = 0] = times.map((time) => Math.round(time));
    const whole = summarise(requests.until(ranked), ranked - started);
    return {
      ...summarise(requests.until(shown), shown - started),
      rankedMs: whole.ms,
      rankedRequests: whole.requests,
      rankedBytes: whole.bytes,
      rankedChunkBytes: whole.chunkBytes,
    };
  } finally {
    await context.close();
  }
}

/** The requests a page makes, with their times on the wall clock (milliseconds since 1970). */
async function recordRequests(cdp: CDPSession): Promise<{
  since: (start: number) => void;
  until: (end: number) => Request[];
}> {
  const open = new Map<string, { url: string; start: number }>();
  const done: Request[] = [];
  let origin = 0;
  // Network events carry a monotonic clock; requests also carry the wall clock, which ties the two.
  let wallMinusMonotonic: number | undefined;
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (event) => {
    wallMinusMonotonic ??= event.wallTime * 1000 - event.timestamp * 1000;
    // Not the tab's icon either: the browser asks for it on its own, and no result waits for it.
    if (event.request.url.startsWith("data:") || event.request.url.endsWith("/favicon.svg")) return;
    open.set(event.requestId, { url: event.request.url, start: event.wallTime * 1000 });
  });
  cdp.on("Network.loadingFinished", (event) => {
    const request = open.get(event.requestId);
    if (!request || wallMinusMonotonic === undefined) return;
    open.delete(event.requestId);
    done.push({ ...request, end: event.timestamp * 1000 + wallMinusMonotonic, bytes: event.encodedDataLength });
  });
  return {
    since: (start) => {
      origin = start;
    },
    until: (end) =>
      done
        .filter((request) => request.start >= origin - 1 && request.end <= end + 1)
        .map((request) => ({ ...request, start: request.start - origin, end: request.end - origin })),
  };
}

/** Totals and the critical path of the requests a search made. */
function summarise(
  requests: Request[],
  ms: number,
): Omit<FirstSearchRun, "rankedMs" | "rankedRequests" | "rankedBytes" | "rankedChunkBytes"> {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const longest = new Map<Request, Request[]>();
  for (const request of sorted) {
    const before = sorted.filter((other) => other !== request && other.end <= request.start);
    const prefix = before.map((other) => longest.get(other) ?? []).reduce((a, b) => (b.length > a.length ? b : a), []);
    longest.set(request, [...prefix, request]);
  }
  const path = [...longest.values()].reduce<Request[]>((a, b) => (b.length > a.length ? b : a), []);
  return {
    ms,
    requests: requests.length,
    bytes: requests.reduce((sum, request) => sum + request.bytes, 0),
    chunkBytes: requests
      .filter((request) => request.url.endsWith(".pf_index"))
      .reduce((sum, request) => sum + request.bytes, 0),
    chain: path.length,
    path: path.map((request) => decodeURI(new URL(request.url).pathname)),
  };
}

/** The first searches the bench measures: each script, across scripts, typed and opened cold, and newest first. */
export const FIRST_SEARCHES: readonly FirstSearchCase[] = [
  { script: "zh-hans", query: "经济", start: "typed" },
  { script: "zh-hant", query: "經濟", start: "typed" },
  { script: "zh-hant", query: "经济", start: "typed" },
  { script: "zh-hans", query: "经济", start: "cold" },
  { script: "zh-hant", query: "经济", start: "cold" },
  { script: "zh-hans", query: "经济", start: "cold", sort: "newest" },
];

/** The median of several runs of one search on one network. */
export interface FirstSearchResult {
  search: FirstSearchCase;
  profile: NetworkProfile;
  median: FirstSearchRun;
  runs: number[];
  /** Each run's time until the results were ranked over every shard, in the order of `runs`. */
  rankedRuns: number[];
}

/** Measures every first search on each network, `runs` times each, in fresh browser contexts. */
export async function measureFirstSearches(
  browser: Browser,
  siteUrl: string,
  runs: number,
  progress: (message: string) => void,
): Promise<FirstSearchResult[]> {
  const results: FirstSearchResult[] = [];
  for (const profile of [PROFILES.slow4g, PROFILES.fast4g]) {
    for (const search of FIRST_SEARCHES) {
      const measured: FirstSearchRun[] = [];
      for (let run = 0; run < runs; run++) measured.push(await measureFirstSearch(browser, siteUrl, search, profile));
      measured.sort((a, b) => a.ms - b.ms);
      const median = measured[Math.floor(measured.length / 2)] as FirstSearchRun;
      progress(`first search, ${profile.name}, ${describe(search)}: ${median.ms} ms`);
      results.push({
        search,
        profile,
        median,
        runs: measured.map((run) => run.ms),
        rankedRuns: measured.map((run) => run.rankedMs),
      });
    }
  }
  return results;
}

/** The report block. */
export function formatFirstSearches(articles: number, http: string, results: readonly FirstSearchResult[]): string[] {
  const lines = [
    `first search on a phone network, ${articles} articles, served over HTTP/${http} (Chromium, DevTools network throttling, no CPU throttling;`,
    "  a typed search is timed from Enter on the loaded search page, a cold one from opening the results' address):",
  ];
  for (const { search, profile, median, runs, rankedRuns } of results) {
    const ranked = [...rankedRuns].sort((a, b) => a - b)[Math.floor(rankedRuns.length / 2)] ?? median.rankedMs;
    lines.push(
      `  ${profile.name.padEnd(8)} ${describe(search).padEnd(34)} ${String(median.ms).padStart(5)} ms` +
        `  ${String(median.requests).padStart(2)} requests ${(median.bytes / 1024).toFixed(0).padStart(4)} KB` +
        `  critical path ${median.chain}  (runs ${runs.join(", ")} ms)`,
    );
    // Shown only where the first results came from the newest shards in some run.
    if (rankedRuns.some((time, run) => time > (runs[run] ?? time)))
      lines.push(`  ${"".padEnd(44)}ranked over every shard: ${ranked} ms (runs ${rankedRuns.join(", ")} ms)`);
  }
  return lines;
}

function describe(search: FirstSearchCase): string {
  const order = search.sort === "newest" ? ", newest first" : "";
  return `${search.start} ${search.query} on ${search.script}${order}`;
}
