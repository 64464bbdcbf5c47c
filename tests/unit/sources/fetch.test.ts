import { afterAll, describe, expect, it } from "vitest";
import { PoliteFetcher, type PoliteSettings } from "../../../src/lib/sources/fetch.ts";
import { servePages, type Route } from "../../helpers/source-pages.ts";

const SETTINGS: PoliteSettings = {
  concurrency: 4,
  perHost: 1,
  delayMs: 120,
  timeoutMs: 2000,
  retries: 2,
  backoffMs: 30,
  maxBytes: 100_000,
  userAgent: "policy-archive-sources/1.0 (+https://archive.example.org)",
  robotsAgent: "policy-archive-sources",
  ignoreRobots: [],
};

/** A site whose pages answer after 40 ms, recording the most requests it had in flight. */
async function site() {
  let inFlight = 0;
  let most = 0;
  const page: Route = (_request, response) => {
    most = Math.max(most, ++inFlight);
    setTimeout(() => {
      inFlight--;
      response.writeHead(200, { "content-type": "text/html" }).end("<p>正文</p>");
    }, 40);
  };
  let failures = 0;
  const server = await servePages(() => ({
    ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/p${i}.html`, page])),
    "/flaky.html": (_request, response) => {
      if (failures++ < 2) response.writeHead(503).end();
      else response.writeHead(200, { "content-type": "text/html" }).end("<p>正文</p>");
    },
  }));
  return { server, most: () => most };
}

const sites: Awaited<ReturnType<typeof site>>[] = [];
afterAll(() => Promise.all(sites.map((s) => s.server.close())));

describe("the polite fetcher", () => {
  it("keeps one request at a time per host, starts them the delay apart, and works on two hosts at once", async () => {
    const a = await site();
    const b = await site();
    sites.push(a, b);
    const fetcher = new PoliteFetcher(SETTINGS);
    const started = performance.now();
    const urls = [a, b].flatMap((s) => Array.from({ length: 5 }, (_, i) => `${s.server.origin}/p${i}.html`));
    const results = await Promise.all(urls.map((url) => fetcher.get(url)));
    const seconds = (performance.now() - started) / 1000;
    expect(results.every((result) => result.ok && result.response.status === 200)).toBe(true);
    const gaps = (times: readonly number[]) => times.slice(1).map((time, i) => time - times[i]!);
    for (const s of [a, b]) {
      expect(s.most()).toBe(1);
      // As the fetcher started them, robots.txt included (the server sees them later, by as
      // much as opening a connection takes, which varies by tens of milliseconds here).
      const starts = fetcher.starts.get(new URL(s.server.origin).host)!;
      expect(starts).toHaveLength(6);
      expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(SETTINGS.delayMs - 1);
    }
    // Robots.txt and five pages a host, the delay apart: about 0.6 s for each, the two side by side.
    expect(seconds).toBeLessThan(1.2);
  });

  it("starts requests to one host the delay apart even when two may be in flight at once", async () => {
    const s = await site();
    sites.push(s);
    const fetcher = new PoliteFetcher({ ...SETTINGS, perHost: 2 });
    await Promise.all(Array.from({ length: 5 }, (_, i) => fetcher.get(`${s.server.origin}/p${i}.html`)));
    const starts = fetcher.starts.get(new URL(s.server.origin).host)!;
    const gaps = starts.slice(1).map((time, i) => time - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SETTINGS.delayMs - 1);
    expect(s.most()).toBeLessThanOrEqual(2);
  });

  it("retries a failing page with a growing delay and gets it in the end", async () => {
    const s = await site();
    sites.push(s);
    const fetcher = new PoliteFetcher({ ...SETTINGS, delayMs: 0 });
    const result = await fetcher.get(`${s.server.origin}/flaky.html`);
    expect(result.ok && result.response.status).toBe(200);
    expect(s.server.requests.filter((request) => request.path === "/flaky.html")).toHaveLength(3);
  });

  it("names the archive in its User-Agent", async () => {
    const s = await site();
    sites.push(s);
    await new PoliteFetcher(SETTINGS).get(`${s.server.origin}/p0.html`);
    expect(s.server.requests.map((request) => request.headers["user-agent"])).toEqual([
      SETTINGS.userAgent,
      SETTINGS.userAgent,
    ]);
    expect(s.server.requests.map((request) => request.path)).toEqual(["/robots.txt", "/p0.html"]);
  });
});
