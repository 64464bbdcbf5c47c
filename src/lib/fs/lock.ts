import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * Locks that keep two commands from working on one archive, site folder or cache at once.
 * A lock is a small JSON file naming its holder. It is created whole (written under another
 * name, then hard-linked into place, which fails when the lock exists), so a holder is never
 * half-named. A lock whose holder has ended (killed, crashed: its process is gone, or its
 * process id now belongs to a process started later) is taken over with no clean-up by hand.
 */

/** Who holds a lock: written into the lock file and shown to whoever finds it taken. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the process started, as Linux counts it (/proc/<pid>/stat), so a reused pid is not taken for the holder. */
  processStart?: string;
  /** The command, as the maintainer typed it where known (`npm run build`). */
  command: string;
  cwd: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** The same for every lock one command and its child processes hold. */
  token: string;
}

/** A lock held by this process; release() gives it up (once; later calls do nothing). */
export interface Lock {
  readonly file: string;
  release(): void;
}

/** Thrown when another running process holds the lock. */
export class LockedError extends Error {
  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
    this.name = "LockedError";
  }
}

/**
 * The variable through which a command's child processes know the locks it holds (its
 * token): `npm run build:part` holds the archive's lock and runs `astro build`, which then
 * finds the lock its parent holds and goes on.
 */
export const LOCK_TOKEN_VARIABLE = "ARCHIVE_LOCK_TOKEN";

/** How long a takeover may take before another process may assume its taker died mid-way. */
const TAKEOVER_SECONDS = 10;

const held = new Set<Lock>();
let exitHookSet = false;

/**
 * Takes the lock file `file` for `what` (a phrase: "the archive content/"), or throws
 * LockedError naming the running process that holds it. A lock held by a process this one
 * descends from, with the token it passed down, is shared, not taken again. Locks still held when the process exits
 * are released.
 */
export function acquireLock(file: string, what: string): Lock {
  const token = (process.env[LOCK_TOKEN_VARIABLE] ||= randomUUID());
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    ...processStartField(process.pid),
    command: commandLine(),
    cwd: process.cwd(),
    since: new Date().toISOString(),
    token,
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(file, mine)) return remember(file, token);
    const holder = readHolder(file);
    if (holder === "gone") continue;
    if (holder !== "unreadable") {
      if (holder.token === token && isAncestor(holder.pid)) return { file, release: () => undefined };
      if (isRunning(holder)) throw new LockedError(lockedMessage(what, file, holder), holder);
    }
    takeOver(file, holder === "unreadable" ? undefined : holder.token);
  }
  throw new Error(`could not take the lock ${file}: it keeps changing hands`);
}

/** Whether the process named in a lock is still running, as far as this machine can tell. */
export function isRunning(holder: LockHolder): boolean {
  // Another machine's process (a shared disk) cannot be checked from here: assume it runs.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  // A killed process nobody has reaped yet (a zombie: in a container whose first process does
  // not reap orphans, it may stay one) runs no more.
  const state = statFields(holder.pid)?.[0];
  if (state === "Z" || state === "X") return false;
  const now = processStartField(holder.pid).processStart;
  return holder.processStart === undefined || now === undefined || now === holder.processStart;
}

function lockedMessage(what: string, file: string, holder: LockHolder): string {
  const where = holder.host === hostname() ? "" : ` on ${holder.host}`;
  return (
    `${what} is in use by \`${holder.command}\` (process ${holder.pid}${where}, started ${holder.since}, ` +
    `in ${holder.cwd}). Wait for it to finish, or stop it; once it has ended its lock (${file}) is taken ` +
    `over by itself.`
  );
}

/** Creates the lock whole, or returns false when it exists. */
function create(file: string, holder: LockHolder): boolean {
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(draft, `${JSON.stringify(holder)}\n`, { flag: "wx" });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function readHolder(file: string): LockHolder | "gone" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder.pid === "number" && typeof holder.token === "string" ? holder : "unreadable";
  } catch {
    return "unreadable";
  }
}

/**
 * Removes a dead holder's lock, unless someone else took it over meanwhile. Two processes
 * finding the same dead lock could otherwise each remove it, the second removing the first's
 * fresh lock; a short-lived guard file lets one at a time look and remove.
 */
function takeOver(file: string, deadToken: string | undefined): void {
  const guard = `${file}.takeover`;
  try {
    writeFileSync(guard, `${process.pid}\n`, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (ageSeconds(guard) > TAKEOVER_SECONDS) unlinkSync(guard);
    else sleep(25);
    return;
  }
  try {
    const holder = readHolder(file);
    const same = holder === "unreadable" ? deadToken === undefined : holder !== "gone" && holder.token === deadToken;
    if (same) unlinkSync(file);
  } finally {
    unlinkSync(guard);
  }
}

function remember(file: string, token: string): Lock {
  const lock: Lock = {
    file,
    release() {
      if (!held.delete(lock)) return;
      const holder = readHolder(file);
      if (typeof holder === "object" && holder.token === token && holder.pid === process.pid) unlinkSync(file);
    },
  };
  held.add(lock);
  if (!exitHookSet) {
    exitHookSet = true;
    process.on("exit", () => {
      for (const each of [...held]) each.release();
    });
  }
  return lock;
}

/** The command as the maintainer ran it: `npm run build` when npm ran it, else the program and its arguments. */
function commandLine(): string {
  const script = process.env["npm_lifecycle_event"];
  if (script) return `npm run ${script}`;
  return process.argv
    .slice(1)
    .map((arg, index) => (index === 0 ? path.basename(arg) : arg))
    .join(" ");
}

/** Whether `pid` is this process's parent, or further up where Linux tells (/proc). */
function isAncestor(pid: number): boolean {
  let current: number | undefined = process.ppid;
  for (let depth = 0; current !== undefined && current > 1 && depth < 64; depth++) {
    if (current === pid) return true;
    current = Number(statFields(current)?.[1]) || undefined;
  }
  return false;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot) where there is one. */
function processStartField(pid: number): { processStart?: string } {
  const start = statFields(pid)?.[19];
  return start === undefined ? {} : { processStart: start };
}

/** The fields of /proc/<pid>/stat from the third on (state, parent, ...), where Linux has them. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields start after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function ageSeconds(file: string): number {
  try {
    return (Date.now() - statSync(file).mtimeMs) / 1000;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
