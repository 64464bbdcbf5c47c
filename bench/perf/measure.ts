import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createInterface } from "node:readline";

/** One line a measured process printed, with the seconds since it started. */
export interface OutputLine {
  seconds: number;
  text: string;
}

/** What running one process (and everything it started) took. */
export interface MeasuredRun {
  status: number | null;
  seconds: number;
  /** Highest sum of resident memory over the whole process tree, sampled every POLL_MS. */
  peakTreeBytes: number;
  /** Highest resident memory of any one process of the tree. */
  peakProcessBytes: number;
  /** Peak memory and CPU seconds per program name (node, pagefind_extended), as last sampled. */
  programs: Map<string, ProgramUse>;
  /**
   * CPU seconds (user and system) of the process and all its descendants, as last sampled:
   * less sensitive than wall time to other work on a shared machine.
   */
  cpuSeconds: number;
  /** The 1-minute load average before and after the run: how busy the shared machine was. */
  load: [number, number];
  /** The last lines printed, for error reports. */
  tail: string[];
}

/** What the processes of one program used during a run. */
export interface ProgramUse {
  /** Highest resident memory of any one of its processes. */
  peakBytes: number;
  /** CPU seconds of its processes at their last sample (up to POLL_MS short of the end). */
  cpuSeconds: number;
}

/** Options for runMeasured. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives every line of stdout and stderr as it arrives. */
  onLine?: (line: OutputLine) => void;
}

/**
 * How often the process tree is sampled. /usr/bin/time reports only the largest single
 * process, and misses the CPU of Pagefind, which runs as a process of its own beside Node
 * and is not waited for; so memory and CPU are read from /proc instead.
 */
const POLL_MS = 200;
const TAIL_LINES = 40;

/** Runs a command, timing it, timestamping its output lines and polling the memory of its process tree. */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<MeasuredRun> {
  const loadBefore = await loadAverage();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const onText = (text: string): void => {
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
    options.onLine?.({ seconds: (performance.now() - started) / 1000, text });
  };
  createInterface({ input: child.stdout }).on("line", onText);
  createInterface({ input: child.stderr }).on("line", onText);

  let peakTreeBytes = 0;
  const programs = new Map<string, ProgramUse>();
  const cpuByPid = new Map<number, { name: string; seconds: number }>();
  let polling = false;
  const poll = async (): Promise<void> => {
    if (polling || child.pid === undefined) return;
    polling = true;
    try {
      const sample = await sampleTree(child.pid);
      peakTreeBytes = Math.max(
        peakTreeBytes,
        sample.reduce((sum, process) => sum + process.bytes, 0),
      );
      for (const { pid, name, bytes, cpuSeconds } of sample) {
        const use = programs.get(name) ?? { peakBytes: 0, cpuSeconds: 0 };
        use.peakBytes = Math.max(use.peakBytes, bytes);
        programs.set(name, use);
        cpuByPid.set(pid, { name, seconds: cpuSeconds });
      }
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), POLL_MS);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  for (const { name, seconds: cpu } of cpuByPid.values()) {
    const use = programs.get(name);
    if (use) use.cpuSeconds += cpu;
  }
  return {
    status,
    seconds,
    peakTreeBytes,
    peakProcessBytes: Math.max(0, ...[...programs.values()].map((use) => use.peakBytes)),
    programs,
    cpuSeconds: [...programs.values()].reduce((sum, use) => sum + use.cpuSeconds, 0),
    load: [loadBefore, await loadAverage()],
    tail,
  };
}

/** One process of a measured tree at one moment. */
interface ProcessSample {
  pid: number;
  name: string;
  bytes: number;
  /** User and system CPU seconds it has used so far. */
  cpuSeconds: number;
}

/** Clock ticks per second in /proc/<pid>/stat: USER_HZ, 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** Samples a process and all its descendants (processes gone mid-read are skipped). */
async function sampleTree(root: number): Promise<ProcessSample[]> {
  const processes = new Map<number, { parent: number; name: string; bytes: number }>();
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
      const rssKiB = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (parent !== undefined)
        processes.set(Number(pid), { parent: Number(parent), name, bytes: Number(rssKiB ?? 0) * 1024 });
    }),
  );
  const inTree = new Set([root]);
  // Parents may be listed after their children, so sweep until the tree stops growing.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, { parent }] of processes) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const samples = await Promise.all(
    [...inTree].map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      // Gone since it was listed (Pagefind reaped when it ended): its last sample stands, not zero CPU.
      if (stat === "") return undefined;
      // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      const known = processes.get(pid);
      return { pid, name: known?.name ?? "?", bytes: known?.bytes ?? 0, cpuSeconds: ticks / TICKS_PER_SECOND };
    }),
  );
  return samples.filter((sample) => sample !== undefined);
}

async function loadAverage(): Promise<number> {
  const text = await readFile("/proc/loadavg", "utf8").catch(() => "0");
  return Number(text.split(" ")[0]);
}
