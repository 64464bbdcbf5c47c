import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, LOCK_TOKEN_VARIABLE, LockedError, type LockHolder } from "../../../src/lib/fs/lock.ts";

const MODULE = path.resolve(import.meta.dirname, "../../../src/lib/fs/lock.ts");

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lockFile(): string {
  dir = mkdtempSync(path.join(tmpdir(), "lock-"));
  return path.join(dir, ".archive.lock");
}

/** A script run in another process: takes the lock, says so, and holds it for `holdMs`. */
function holderScript(file: string, holdMs: number): string {
  return `
    import { acquireLock } from ${JSON.stringify(MODULE)};
    try {
      acquireLock(${JSON.stringify(file)}, "the archive");
      console.log("taken");
      await new Promise((resolve) => setTimeout(resolve, ${holdMs}));
    } catch (error) {
      console.log("refused: " + error.message);
      process.exitCode = 3;
    }`;
}

const tsx = ["--import", "tsx", "--input-type=module", "-e"];

function runOther(file: string, env: Record<string, string | undefined> = {}): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [...tsx, holderScript(file, 0)], {
    encoding: "utf8",
    env: { ...process.env, [LOCK_TOKEN_VARIABLE]: undefined, npm_lifecycle_event: "build", ...env },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

/** Starts a process holding the lock and resolves once it holds it. */
async function startHolder(file: string): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, [...tsx, holderScript(file, 60_000)], {
    env: { ...process.env, [LOCK_TOKEN_VARIABLE]: undefined, npm_lifecycle_event: "import" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => (chunk.toString().includes("taken") ? resolve() : undefined));
    child.on("exit", () => reject(new Error("the holder ended before taking the lock")));
  });
  return child;
}

function exited(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve())));
}

describe("a lock on an archive or site folder", () => {
  it("stops a second process at once, naming the command and process that hold it", async () => {
    const file = lockFile();
    const holder = await startHolder(file);
    try {
      const other = runOther(file);
      expect(other.status).toBe(3);
      expect(other.out).toContain("the archive is in use by `npm run import`");
      expect(other.out).toContain(`process ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
      await exited(holder);
    }
  });

  it("is taken over when its holder was killed, with no clean-up by hand", async () => {
    const file = lockFile();
    const holder = await startHolder(file);
    holder.kill("SIGKILL");
    await exited(holder);
    expect(existsSync(file)).toBe(true);
    expect(runOther(file).out).toContain("taken");
  });

  it("is taken over when its process id now belongs to a process started later", () => {
    const file = lockFile();
    const reused: LockHolder = {
      pid: process.pid,
      host: hostname(),
      processStart: "1",
      command: "npm run build",
      cwd: "/",
      since: new Date(0).toISOString(),
      token: "an-old-token",
    };
    writeFileSync(file, JSON.stringify(reused));
    expect(runOther(file).out).toContain("taken");
  });

  it("is taken over when the lock file cannot be read", () => {
    const file = lockFile();
    writeFileSync(file, "{ half a lo");
    expect(runOther(file).out).toContain("taken");
  });

  it("is removed when its holder releases it or exits", () => {
    const file = lockFile();
    const lock = acquireLock(file, "the site folder");
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(file)).toBe(false);
    expect(runOther(file).status).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it("is shared with the holder's own child processes, and only with them", async () => {
    const file = lockFile();
    const saved = process.env[LOCK_TOKEN_VARIABLE];
    const lock = acquireLock(file, "the archive");
    try {
      const token = process.env[LOCK_TOKEN_VARIABLE];
      expect(runOther(file, { [LOCK_TOKEN_VARIABLE]: token }).out).toContain("taken");
      // The same token in a process that does not descend from the holder shares nothing.
      const stranger = await startHolder(path.join(dir, "other.lock"));
      try {
        const forged = { ...JSON.parse(readFileSync(file, "utf8")), pid: stranger.pid } as LockHolder;
        delete forged.processStart;
        writeFileSync(file, JSON.stringify(forged));
        expect(() => acquireLock(file, "the archive")).toThrow(LockedError);
      } finally {
        stranger.kill("SIGKILL");
        await exited(stranger);
      }
    } finally {
      lock.release();
      process.env[LOCK_TOKEN_VARIABLE] = saved;
    }
  });

  it("goes to exactly one of several processes that find the same dead lock at once", async () => {
    const file = lockFile();
    const dead = await startHolder(file);
    dead.kill("SIGKILL");
    await exited(dead);
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, [...tsx, holderScript(file, 60_000)], {
        env: { ...process.env, [LOCK_TOKEN_VARIABLE]: undefined },
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
    const said = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            child.stdout?.on("data", (chunk: Buffer) => resolve(chunk.toString()));
            child.on("exit", () => resolve("ended"));
          }),
      ),
    );
    for (const child of racers) child.kill("SIGKILL");
    await Promise.all(racers.map(exited));
    expect(said.filter((out) => out.startsWith("taken"))).toHaveLength(1);
    expect(said.filter((out) => out.startsWith("refused"))).toHaveLength(3);
  });
});
