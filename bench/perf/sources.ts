import { once } from "node:events";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { readLedger } from "../../src/lib/sources/ledger.ts";
import { OUTCOMES, type Outcome } from "../../src/lib/sources/types.ts";
import { mb, secs } from "./format.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";
import { ROOT, TSX, WORK } from "./paths.ts";

/**
 * `npm run sources` on a large archive against local sites that answer after a simulated
 * latency: its time and memory, and the request rate and concurrency each site saw,
 * measured at the site, against the limits set.
 */

/** The limits the benchmark sets (site.yaml `sources`). */
const SETTINGS = { concurrency: 32, per_host: 2, delay_ms: 200, timeout_ms: 10_000, retries: 0 };

/** What one site saw. */
interface HostSeen {
  requests: number;
  /** Most requests in flight at once. */
  mostInFlight: number;
  /** Most requests started in any one second. */
  mostPerSecond: number;
  /** Shortest time between two requests arriving, in milliseconds. */
  shortestGapMs: number;
  /** First and last arrival (performance.now()). */
  first: number;
  last: number;
}

/** The outcome of the sources benchmark. */
export interface SourcesBench {
  articles: number;
  hosts: number;
  latencyMs: number;
  run: MeasuredRun;
  seen: HostSeen[];
  outcomes: Record<Outcome, number>;
}

const paragraphs = (n: number) => [
  `第${n}号通知指出，各地要结合实际，认真抓好贯彻落实，确保各项政策措施落地见效。`,
  `通知要求，有关部门要加强统筹协调，及时研究解决工作中遇到的新情况新问题。`,
  `通知强调，要坚持以人民为中心的发展思想，切实保障和改善民生，编号${n}。`,
];

function page(title: string, texts: readonly string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>
<div class="article-content">${texts.map((text) => `<p>${text}</p>`).join("")}</div></body></html>`;
}

/** Starts a local site answering every page after `latencyMs`; 1 page in 10 changed, 1 in 20 gone. */
async function startSite(latencyMs: number, seen: HostSeen): Promise<{ server: Server; origin: string }> {
  let inFlight = 0;
  const perSecond = new Map<number, number>();
  const server = createServer((request, response) => {
    seen.requests++;
    seen.mostInFlight = Math.max(seen.mostInFlight, ++inFlight);
    const now = performance.now();
    if (seen.requests > 1) seen.shortestGapMs = Math.min(seen.shortestGapMs, now - seen.last);
    else seen.first = now;
    seen.last = now;
    const second = Math.floor(now / 1000);
    const count = (perSecond.get(second) ?? 0) + 1;
    perSecond.set(second, count);
    seen.mostPerSecond = Math.max(seen.mostPerSecond, count);
    setTimeout(() => {
      inFlight--;
      const n = Number(/(\d+)\.html$/.exec(request.url ?? "")?.[1] ?? -1);
      if (request.url === "/robots.txt") response.writeHead(200).end("User-agent: *\nDisallow: /private/\n");
      else if (n < 0 || n % 20 === 19) response.writeHead(404).end();
      else {
        const texts = paragraphs(n);
        if (n % 10 === 3) texts[1] = "通知要求，有关部门要及时研究解决新问题。";
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(`通知${n}`, texts));
      }
    }, latencyMs);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Runs the benchmark: an archive of `articles` articles spread over `hosts` local sites. */
export async function measureSources(
  progress: (message: string) => void,
  articles = 10_000,
  hosts = 20,
  latencyMs = 50,
): Promise<SourcesBench> {
  const seen: HostSeen[] = Array.from({ length: hosts }, () => ({
    requests: 0,
    mostInFlight: 0,
    mostPerSecond: 0,
    shortestGapMs: Infinity,
    first: 0,
    last: 0,
  }));
  const sites = await Promise.all(seen.map((host) => startSite(latencyMs, host)));
  try {
    const archive = path.join(WORK, "sources-archive");
    progress(`sources: writing ${articles} articles over ${hosts} local sites`);
    const folder = path.join(archive, "articles", "2024", "01");
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(archive, "site.yaml"));
    writeFileSync(
      path.join(archive, "site.yaml"),
      `${Object.entries(SETTINGS).reduce((text, [key, value]) => `${text}  ${key}: ${value}\n`, "sources:\n")}`,
      { flag: "a" },
    );
    for (let n = 0; n < articles; n++) {
      const id = `2024-01-01-s${n.toString(36).padStart(5, "0")}`;
      const url = `${sites[n % hosts]!.origin}/news/${n}.html`;
      const body = paragraphs(n).join("\n\n");
      writeFileSync(
        path.join(folder, `${id}.md`),
        `---\nid: ${id}\ntitle: 通知${n}\ndate: 2024-01-01\nurl: ${url}\nscript: hans\n---\n\n${body}\n`,
      );
    }
    progress(`sources: checking (limits: ${JSON.stringify(SETTINGS)}, ${latencyMs} ms latency)`);
    const run = await runMeasured(process.execPath, [TSX, "src/cli/sources.ts", "--archive", archive, "--quiet"], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_LOCK_TOKEN: "" },
    });
    if (run.status !== 0) throw new Error(`npm run sources failed:\n${run.tail.join("\n")}`);
    const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
    for (const record of readLedger(archive).records) outcomes[record.outcome]++;
    return { articles, hosts, latencyMs, run, seen, outcomes };
  } finally {
    await Promise.all(sites.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  }
}

/** The benchmark's report lines. */
export function formatSources(bench: SourcesBench): string[] {
  const { run, seen } = bench;
  const requests = seen.reduce((sum, host) => sum + host.requests, 0);
  const rate = (1000 / SETTINGS.delay_ms).toFixed(1);
  return [
    `sources: ${bench.articles} articles on ${bench.hosts} local sites, ${bench.latencyMs} ms latency each request`,
    `  limits: ${SETTINGS.concurrency} at a time, ${SETTINGS.per_host} per host, ${SETTINGS.delay_ms} ms between starts to a host (at most ${rate} a second)`,
    `  time ${secs(run.seconds)} (${(bench.articles / run.seconds || 0).toFixed(0)} checks a second), ` +
      `CPU ${secs(run.cpuSeconds)}, peak memory ${mb(run.peakTreeBytes)} (largest process ${mb(run.peakProcessBytes)})`,
    `  requests ${requests} (robots.txt included); per site: most in flight ${Math.max(...seen.map((h) => h.mostInFlight))}, ` +
      `most arriving in one second ${Math.max(...seen.map((h) => h.mostPerSecond))}, ` +
      `shortest gap ${Math.min(...seen.map((h) => h.shortestGapMs)).toFixed(0)} ms (as the site saw them: its event loop, shared with 19 others, lags under load), ` +
      `mean ${(seen.reduce((sum, h) => sum + (h.requests - 1) / ((h.last - h.first) / 1000), 0) / seen.length).toFixed(2)} a second`,
    `  outcomes: ${OUTCOMES.map((outcome) => `${bench.outcomes[outcome]} ${outcome}`).join(", ")}`,
  ];
}
