import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { ROOT } from "../../helpers/archive.ts";
import { maintainerEnv } from "./env.ts";
import type { SiteServer } from "./server.ts";

/** A running `astro dev` on an archive, with what it printed and how long it took to answer. */
export interface DevServer extends SiteServer {
  /** Seconds from the start of the command to the first answer of the home page. */
  readySeconds: number;
  /** What the server has printed so far. */
  output: () => string;
  /** The server's process id, for measuring its memory. */
  pid: number;
}

/** A port no process listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/**
 * Starts the development server (`astro dev`, as `npm run dev` does) on an archive folder,
 * with a cache folder of its own, and waits until it answers. `--ignore-lock` lets it run
 * beside a maintainer's own dev server of the same project without replacing it. Give the
 * same `port` to start again as a maintainer would: the port is part of the configuration
 * Astro compares to decide whether its content store may be kept.
 */
export async function startDevServer(
  archiveDir: string,
  cacheDir: string,
  { timeoutMs = 180_000, port }: { timeoutMs?: number; port?: number } = {},
): Promise<DevServer> {
  port ??= await freePort();
  const started = performance.now();
  const child = spawn(
    "npx",
    ["astro", "dev", "--ignore-lock", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    {
      cwd: ROOT,
      env: { ...maintainerEnv(), ARCHIVE_DIR: archiveDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: "1" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    // The whole process group: npx and the node process it started.
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await exited;
    // npx may end before the server it started: wait until nothing answers on the port, so
    // a server started next on the same port is not mistaken for this one.
    for (let tries = 0; tries < 100; tries++) {
      const answered = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
        () => true,
        () => false,
      );
      if (!answered) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`astro dev ended (${child.exitCode}):\n${output}`);
    // A request sent while the server is still starting may never be answered: ask again.
    const answer = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (answer?.ok) {
      return { url, close, readySeconds: (performance.now() - started) / 1000, output: () => output, pid: child.pid! };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`astro dev did not answer within ${timeoutMs / 1000} s:\n${output}`);
}
