import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import {
  copyFileSync,
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockArchive } from "../../../src/lib/build/locks.ts";
import { ledgerFile, readLedger } from "../../../src/lib/sources/ledger.ts";
import type { CheckRecord } from "../../../src/lib/sources/types.ts";
import { ROOT } from "../../helpers/archive.ts";
import {
  homePage,
  newsPage,
  redesignedPage,
  redirect,
  send,
  servePages,
  softNotFoundPage,
  type PageText,
  type Route,
} from "../../helpers/source-pages.ts";

const run = promisify(execFile);

/** The settings of the test archive: quick, with a short timeout and a small size cap. */
const SETTINGS = `sources:
  delay_ms: 0
  timeout_ms: 1500
  retries: 1
  backoff_ms: 50
  max_bytes: 200000
`;

const PARAGRAPHS = [
  "3月4日，省委书记楼阳生在太原主持召开会议，研究部署脱贫攻坚工作。",
  "会议强调，要坚决打赢脱贫攻坚战，确保如期全面建成小康社会，确保脱贫攻坚成果经得起历史检验。",
  "会议要求，各级党委和政府要把脱贫攻坚作为重大政治任务，压实责任，狠抓落实。",
];

/** The cases: the path served, the page archived from it, what it serves now, and the outcome expected. */
interface Case {
  path: string;
  expected: CheckRecord["outcome"];
  serve: (text: PageText, url: string) => Route;
}

const never: Route = () => undefined;
const drip: Route = (_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  const timer = setInterval(() => response.write(" "), 200);
  response.on("close", () => clearInterval(timer));
};
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

const CASES: Record<string, Case> = {
  unchanged: {
    path: "/news/unchanged.html",
    expected: "unchanged",
    serve: (text, url) => (request, response) => {
      if (request.headers["if-none-match"] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"v1"' }).end(newsPage(url, text));
    },
  },
  changed: {
    path: "/news/changed.html",
    expected: "changed",
    serve: (text, url) =>
      send(
        newsPage(url, { ...text, paragraphs: [text.paragraphs[0]!, "会议强调，要确保脱贫攻坚成果经得起历史检验。"] }),
      ),
  },
  layout: { path: "/news/layout.html", expected: "unchanged", serve: (text, url) => send(redesignedPage(url, text)) },
  gone404: { path: "/news/gone404.html", expected: "removed", serve: () => send("<h1>Not Found</h1>", 404) },
  gone410: { path: "/news/gone410.html", expected: "removed", serve: () => send("", 410) },
  home: { path: "/news/home.html", expected: "removed", serve: () => redirect("/") },
  soft404: { path: "/news/soft404.html", expected: "removed", serve: () => send(softNotFoundPage()) },
  forbidden: { path: "/news/forbidden.html", expected: "blocked", serve: () => send("Forbidden", 403) },
  error500: { path: "/news/error500.html", expected: "unreachable", serve: () => send("Internal Server Error", 500) },
  timeout: { path: "/news/timeout.html", expected: "unreachable", serve: () => never },
  drip: { path: "/news/drip.html", expected: "unreachable", serve: () => drip },
  huge: { path: "/news/huge.html", expected: "unreachable", serve: () => send("<p>字</p>".repeat(40_000)) },
  loop: { path: "/news/loop.html", expected: "unreachable", serve: () => redirect("/news/loop-b.html") },
  pdf: {
    path: "/news/document.html",
    expected: "unchanged",
    serve: () => send(PDF, 200, { "content-type": "application/pdf" }),
  },
  gbk: {
    path: "/news/gbk.html",
    expected: "unchanged",
    serve: (text, url) =>
      send(iconv.encode(newsPage(url, text, { charset: "gbk" }), "gbk"), 200, { "content-type": "text/html" }),
  },
  robots: { path: "/private/robots.html", expected: "blocked", serve: (text, url) => send(newsPage(url, text)) },
};

function textOf(name: string): PageText {
  return { title: `脱贫攻坚工作会议（${name}）`, day: "2024-03-05", paragraphs: PARAGRAPHS };
}

let server: Awaited<ReturnType<typeof servePages>>;
let archive: string;
let first: { stdout: string; stderr: string };

async function sources(dir: string, ...args: string[]) {
  return sourcesWith({}, dir, ...args);
}

async function sourcesWith(extraEnv: Record<string, string>, dir: string, ...args: string[]) {
  // Without this process's lock token: a lock it holds is another command's to the one started.
  const env = { ...process.env, ARCHIVE_LOCK_TOKEN: "", NO_PROXY: "127.0.0.1", HTTP_PROXY: "", ...extraEnv };
  return run("npm", ["run", "--silent", "sources", "--", "--archive", dir, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env,
  });
}

/** An archive made the way a maintainer makes one: the pages saved from the browser and imported. */
async function importedArchive(pages: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "sources-"));
  const saved = path.join(dir, "saved");
  mkdirSync(saved);
  for (const [name, url] of Object.entries(pages))
    writeFileSync(path.join(saved, `${name}.html`), newsPage(url, textOf(name)));
  const archiveDir = path.join(dir, "archive");
  mkdirSync(archiveDir);
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(archiveDir, "site.yaml"));
  appendFileSync(path.join(archiveDir, "site.yaml"), SETTINGS);
  await run(
    "npm",
    ["run", "--silent", "import", "--", "--quiet", "--allow-duplicates", "--archive", archiveDir, saved],
    { cwd: ROOT },
  );
  return archiveDir;
}

function idsByUrl(dir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = readFileSync(file, "utf8");
        ids.set(/^url: (.+)$/m.exec(text)![1]!, /^id: (.+)$/m.exec(text)![1]!);
      }
    }
  };
  walk(path.join(dir, "articles"));
  return ids;
}

beforeAll(async () => {
  server = await servePages((origin) => ({
    "/robots.txt": send("User-agent: *\nDisallow: /private/\n", 200, { "content-type": "text/plain" }),
    "/": send(homePage()),
    "/news/loop-b.html": redirect("/news/loop.html"),
    ...Object.fromEntries(
      Object.entries(CASES).map(([name, { path: where, serve }]) => [where, serve(textOf(name), `${origin}${where}`)]),
    ),
  }));
  archive = await importedArchive(
    Object.fromEntries(Object.entries(CASES).map(([name, { path: where }]) => [name, `${server.origin}${where}`])),
  );
  first = await sources(archive);
}, 120_000);

afterAll(() => server.close());

describe("npm run sources", () => {
  it("gives every kind of original its outcome, one check each, in a ledger npm run check accepts", async () => {
    const ids = idsByUrl(archive);
    const { records, problems, torn } = readLedger(archive);
    expect(problems).toEqual([]);
    expect(torn).toBeUndefined();
    const outcomes = Object.fromEntries(
      Object.entries(CASES).map(([name, { path: where }]) => {
        const id = ids.get(`${server.origin}${where}`)!;
        return [name, records.filter((record) => record.id === id).map((record) => record.outcome)];
      }),
    );
    expect(outcomes).toEqual(
      Object.fromEntries(Object.entries(CASES).map(([name, { expected }]) => [name, [expected]])),
    );
    expect(first.stdout).toMatch(
      /Summary: 16 checks: 4 unchanged, 1 changed, 4 removed, 2 blocked, 5 unreachable; 1 new capture/,
    );
    const check = await run("npx", ["tsx", "src/cli/check.ts", "--archive", archive, "--no-conversion"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(check.stdout).toContain("16 valid article(s); 0 problem(s)");
  });

  it("records status, final address and text hash, and why", () => {
    const { records } = readLedger(archive);
    const byPath = (where: string) => records.find((record) => record.url.endsWith(where))!;
    expect(byPath("/news/gone404.html")).toMatchObject({ http_status: 404, sha256: null });
    expect(byPath("/news/home.html")).toMatchObject({ http_status: 200, final_url: `${server.origin}/` });
    expect(byPath("/news/soft404.html").reason).toContain("您访问的页面不存在");
    expect(byPath("/private/robots.html")).toMatchObject({
      http_status: null,
      reason: "robots.txt forbids the address",
    });
    expect(byPath("/news/timeout.html").reason).toContain("no complete answer within 1.5 s");
    expect(byPath("/news/huge.html").reason).toContain("larger than 200000 bytes");
    expect(byPath("/news/loop.html").reason).toBe("a redirect loop");
    expect(byPath("/news/unchanged.html")).toMatchObject({
      http_status: 200,
      etag: '"v1"',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The same text in a new layout hashes the same as the unchanged page's (the titles differ, the texts do not).
    expect(byPath("/news/layout.html").sha256).toBe(byPath("/news/unchanged.html").sha256);
    // The robots-disallowed page itself was never asked for.
    expect(server.requests.some((request) => request.path === "/private/robots.html")).toBe(false);
    expect(server.requests.find((request) => request.path === "/news/unchanged.html")!.headers["user-agent"]).toContain(
      "https://archive.example.org",
    );
  });

  it("keeps the changed text as a new capture of the same article, cleaned like an import", () => {
    const id = idsByUrl(archive).get(`${server.origin}/news/changed.html`)!;
    const folder = path.join(archive, "sources", "captures", id);
    const [name, ...more] = readdirSync(folder);
    expect(more).toEqual([]);
    const capture = readFileSync(path.join(folder, name!), "utf8");
    expect(capture).toContain(`article: ${id}`);
    expect(capture).toContain("会议强调，要确保脱贫攻坚成果经得起历史检验。");
    expect(capture).not.toContain("分享到");
    const record = readLedger(archive).records.find((r) => r.id === id)!;
    expect(name).toBe(`${record.checked.slice(0, 10)}-${record.sha256!.slice(0, 12)}.md`);
  });

  it("asks again with the validators it was given, and skips articles checked recently unless told", async () => {
    const recent = await sources(archive, "--quiet");
    expect(recent.stdout).toContain("0 checks");
    expect(recent.stdout).toContain("16 checked recently");
    const id = idsByUrl(archive).get(`${server.origin}/news/unchanged.html`)!;
    await sources(archive, "--all", "--id", id);
    const mine = readLedger(archive).records.filter((record) => record.id === id);
    expect(mine.map((record) => [record.outcome, record.http_status])).toEqual([
      ["unchanged", 200],
      ["unchanged", 304],
    ]);
    expect(mine[1]!.sha256).toBe(mine[0]!.sha256);
  }, 60_000);

  it("goes through the proxy the standard variables name", async () => {
    // A tunnelling proxy, as Node's fetch uses one for http and https alike: CONNECT, then bytes both ways.
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(request.url ?? "");
      const [host, port] = (request.url ?? "").split(":");
      const target = connect(Number(port), host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        target.write(head);
        target.pipe(client).pipe(target);
      });
      target.on("error", () => client.destroy());
      client.on("error", () => target.destroy());
    });
    proxy.listen(0, "127.0.0.1");
    await once(proxy, "listening");
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const id = idsByUrl(archive).get(`${server.origin}/news/gone410.html`)!;
    try {
      await sourcesWith({ HTTP_PROXY: proxyUrl, NO_PROXY: "" }, archive, "--all", "--id", id);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([new URL(server.origin).host]));
    expect(
      readLedger(archive)
        .records.filter((record) => record.id === id)
        .at(-1),
    ).toMatchObject({
      outcome: "removed",
      http_status: 410,
    });
  }, 60_000);

  it("stops at another command holding the archive's lock", async () => {
    const lock = lockArchive(archive);
    try {
      await expect(sources(archive, "--all")).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining("archive"),
      });
    } finally {
      lock.release();
    }
  }, 60_000);

  it("leaves a valid ledger when killed mid-run, and a second run carries on where it stopped", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `slow${i}`);
    // Each page answers after a while, so the run is killed with checks in flight.
    const slowServer = await servePages((origin) =>
      Object.fromEntries(
        names.map((name) => {
          const url = `${origin}/slow/${name}.html`;
          const route: Route = (_request, response) => {
            setTimeout(() => send(newsPage(url, textOf(name)))(_request, response), 300);
          };
          return [`/slow/${name}.html`, route];
        }),
      ),
    );
    const dir = await importedArchive(
      Object.fromEntries(names.map((name) => [name, `${slowServer.origin}/slow/${name}.html`])),
    );
    const child = spawn("npx", ["tsx", "src/cli/sources.ts", "--archive", dir, "--concurrency", "1"], {
      cwd: ROOT,
      stdio: "ignore",
      // A group of its own, so that the kill reaches the checker itself and not only npx in front of it.
      detached: true,
    });
    const file = ledgerFile(dir);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      let lines = 0;
      try {
        lines = readFileSync(file, "utf8").split("\n").length - 1;
      } catch {
        // Not written yet.
      }
      if (lines >= 3) break;
    }
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const killed = readLedger(dir);
    expect(killed.problems).toEqual([]);
    expect(killed.records.length).toBeGreaterThanOrEqual(3);
    expect(killed.records.length).toBeLessThan(names.length);
    await sources(dir);
    await slowServer.close();
    const done = readLedger(dir);
    expect(done.problems).toEqual([]);
    const checkedIds = done.records.map((record) => record.id);
    expect(new Set(checkedIds).size).toBe(names.length);
    expect(checkedIds).toHaveLength(names.length);
    expect(done.records.every((record) => record.outcome === "unchanged")).toBe(true);
  }, 120_000);
});
