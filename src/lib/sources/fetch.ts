import robotsParser from "robots-parser";
import type { PageResponse } from "./classify.ts";

/**
 * Fetching originals politely: at most `perHost` requests at a time to one host and
 * `concurrency` in all, requests to one host started at least `delayMs` apart (longer when
 * its robots.txt asks for a Crawl-delay), robots.txt honoured except for the hosts listed,
 * each request cut off after `timeoutMs` and `maxBytes`, failed requests retried with a
 * doubling delay, and a User-Agent naming the archive. Redirects are followed here, one
 * request at a time, so the checker sees where they lead and stops at a loop.
 */

/** How politely to fetch. */
export interface PoliteSettings {
  concurrency: number;
  perHost: number;
  delayMs: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBytes: number;
  /** The whole User-Agent header. */
  userAgent: string;
  /** The product token robots.txt rules are matched against. */
  robotsAgent: string;
  /** Hosts whose robots.txt is not read (the maintainer's own sites). */
  ignoreRobots: readonly string[];
}

/** What fetching an original gave: a response, or why none came. */
export type Fetched =
  | { ok: true; response: PageResponse }
  | { ok: false; outcome: "blocked" | "unreachable"; reason: string; status: number | null; finalUrl: string | null };

/** Validators from the last check, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

const MAX_REDIRECTS = 10;
/** A server's Retry-After is waited for up to this long; beyond it the check gives up. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Lets at most `limit` holders in at a time, first come first served. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async enter(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

interface Host {
  gate: Gate;
  /** The earliest start not yet reserved, and the last actual start. */
  nextStart: number;
  lastStart: number;
  delayMs: number;
}

type Robots = { allows(url: string): boolean } | { unreachable: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetcher that keeps the limits for every request it makes, robots.txt's included. */
export class PoliteFetcher {
  private readonly overall: Gate;
  private readonly hosts = new Map<string, Host>();
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Requests started, by host: the benchmark and the tests measure the rate from them. */
  readonly starts = new Map<string, number[]>();

  constructor(private readonly settings: PoliteSettings) {
    this.overall = new Gate(settings.concurrency);
  }

  /** Fetches an original, honouring robots.txt, retrying what may pass, following redirects. */
  async get(url: string, validators: Validators = {}): Promise<Fetched> {
    const robots = await this.robotsFor(url);
    if ("unreachable" in robots) {
      return { ok: false, outcome: "unreachable", reason: robots.unreachable, status: null, finalUrl: null };
    }
    if (!robots.allows(url)) {
      return { ok: false, outcome: "blocked", reason: "robots.txt forbids the address", status: null, finalUrl: null };
    }
    let last: Fetched | undefined;
    for (let attempt = 0; attempt <= this.settings.retries; attempt++) {
      const result = await this.follow(url, validators);
      last = result.fetched;
      if (!result.retry || attempt === this.settings.retries) break;
      const wait = result.retryAfterMs ?? this.settings.backoffMs * 2 ** attempt;
      if (wait > MAX_RETRY_AFTER_MS) break;
      await sleep(wait);
    }
    return last!;
  }

  private async follow(
    url: string,
    validators: Validators,
  ): Promise<{ fetched: Fetched; retry: boolean; retryAfterMs?: number }> {
    let current = url;
    const seen = new Set<string>();
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (seen.has(current)) return failed("unreachable", "a redirect loop", null, current, false);
      seen.add(current);
      if (hop > 0) {
        // A redirect to another path or host is a new address: its robots.txt is asked too.
        const robots = await this.robotsFor(current);
        if ("unreachable" in robots) return failed("unreachable", robots.unreachable, null, current, true);
        if (!robots.allows(current))
          return failed("blocked", "robots.txt forbids where the address redirects", null, current, false);
      }
      const result = await this.request(current, validators);
      if (!("status" in result)) return failed("unreachable", result.error, null, current, result.retry);
      const { status, headers } = result;
      const location = headers.get("location");
      if (status >= 300 && status < 400 && status !== 304 && location) {
        if (!URL.canParse(location, current))
          return failed("unreachable", `a redirect to a bad address: ${location}`, status, current, false);
        current = new URL(location, current).href;
        continue;
      }
      const response: PageResponse = {
        status,
        finalUrl: current,
        contentType: headers.get("content-type") ?? "",
        body: result.body,
        ...(headers.get("etag") && { etag: headers.get("etag")! }),
        ...(headers.get("last-modified") && { lastModified: headers.get("last-modified")! }),
      };
      const retry = status >= 500 || status === 429;
      const retryAfter = Number(headers.get("retry-after"));
      return {
        fetched: { ok: true, response },
        retry,
        ...(retry && Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
      };
    }
    return failed("unreachable", `more than ${MAX_REDIRECTS} redirects`, null, current, false);
  }

  /** One request, no redirects followed, inside the host's and the overall limits. */
  private async request(
    url: string,
    validators: Validators,
  ): Promise<{ status: number; headers: Headers; body: Uint8Array } | { error: string; retry: boolean }> {
    const host = this.host(new URL(url).host);
    const leaveHost = await host.gate.enter();
    try {
      // A start is reserved before waiting for it, so that requests let in together (per_host
      // above 1) take turns; one kept waiting for the overall limit, or woken a little early,
      // waits again for the delay after the last start. Checked and started with nothing between.
      const start = Math.max(Date.now(), host.nextStart);
      host.nextStart = start + host.delayMs;
      if (start > Date.now()) await sleep(start - Date.now());
      let leave: () => void;
      for (;;) {
        leave = await this.overall.enter();
        const due = host.lastStart + host.delayMs - Date.now();
        if (due <= 0) break;
        leave();
        await sleep(due);
      }
      host.lastStart = Date.now();
      const hostName = new URL(url).host;
      const starts = this.starts.get(hostName);
      if (starts) starts.push(Date.now());
      else this.starts.set(hostName, [Date.now()]);
      try {
        return await this.exchange(url, validators);
      } finally {
        leave();
      }
    } finally {
      leaveHost();
    }
  }

  private async exchange(
    url: string,
    validators: Validators,
  ): Promise<{ status: number; headers: Headers; body: Uint8Array } | { error: string; retry: boolean }> {
    const headers: Record<string, string> = {
      "user-agent": this.settings.userAgent,
      accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      "accept-language": "zh-CN,zh-TW;q=0.9,zh;q=0.8",
    };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      const response = await fetch(url, { headers, redirect: "manual", signal });
      const body = await readCapped(response, this.settings.maxBytes);
      if (body === undefined) {
        return { error: `the response is larger than ${this.settings.maxBytes} bytes`, retry: false };
      }
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      return { error: describeFailure(error, this.settings.timeoutMs), retry: true };
    }
  }

  private host(name: string): Host {
    let host = this.hosts.get(name);
    if (!host) {
      host = {
        gate: new Gate(this.settings.perHost),
        nextStart: 0,
        lastStart: -Infinity,
        delayMs: this.settings.delayMs,
      };
      this.hosts.set(name, host);
    }
    return host;
  }

  private robotsFor(url: string): Promise<Robots> {
    const { origin, host, hostname } = new URL(url);
    if (this.settings.ignoreRobots.includes(host) || this.settings.ignoreRobots.includes(hostname)) {
      return Promise.resolve({ allows: () => true });
    }
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.readRobots(origin);
      this.robots.set(origin, robots);
    }
    return robots;
  }

  /** Reads a site's robots.txt as RFC 9309 says: none (4xx) allows all; unreadable (5xx, no answer) allows nothing. */
  private async readRobots(origin: string): Promise<Robots> {
    const address = `${origin}/robots.txt`;
    let result: Awaited<ReturnType<PoliteFetcher["request"]>> | undefined;
    let current = address;
    for (let attempt = 0; attempt <= this.settings.retries; attempt++) {
      current = address;
      for (let hop = 0; hop < 5; hop++) {
        result = await this.request(current, {});
        const location = "status" in result ? result.headers.get("location") : null;
        if (!("status" in result) || result.status < 300 || result.status >= 400 || !location) break;
        if (!URL.canParse(location, current)) break;
        current = new URL(location, current).href;
      }
      if (result && "status" in result && result.status < 500) break;
      if (attempt < this.settings.retries) await sleep(this.settings.backoffMs * 2 ** attempt);
    }
    if (!result || !("status" in result)) {
      return { unreachable: `robots.txt could not be read: ${result?.error ?? "no answer"}` };
    }
    if (result.status >= 500) return { unreachable: `robots.txt could not be read: status ${result.status}` };
    if (result.status >= 400 || result.status >= 300) return { allows: () => true };
    const robot = robotsParser(address, new TextDecoder().decode(result.body));
    const delay = robot.getCrawlDelay(this.settings.robotsAgent);
    if (delay !== undefined && delay * 1000 > this.settings.delayMs)
      this.host(new URL(origin).host).delayMs = delay * 1000;
    return { allows: (url) => robot.isAllowed(url, this.settings.robotsAgent) !== false };
  }
}

function failed(
  outcome: "blocked" | "unreachable",
  reason: string,
  status: number | null,
  finalUrl: string | null,
  retry: boolean,
): { fetched: Fetched; retry: boolean } {
  return { fetched: { ok: false, outcome, reason, status, finalUrl }, retry };
}

/** Reads a body up to a number of bytes; undefined when it is longer (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A failed request in a few words: a timeout, a DNS or TLS failure, a refused connection. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as Error).name;
  if (name === "TimeoutError" || name === "AbortError") return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN")
    return `the host name does not resolve (${cause.code})`;
  if (cause?.code?.startsWith("ERR_TLS") || cause?.code?.includes("CERT")) return `a TLS failure (${cause.code})`;
  if (cause?.code) return `the connection failed (${cause.code})`;
  return `the request failed: ${cause?.message ?? (error as Error).message}`;
}
