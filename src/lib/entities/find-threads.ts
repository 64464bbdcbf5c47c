import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Script } from "../article/schema.ts";
import { loadEntityCorrections } from "./corrections.ts";
import type { FoundEntities } from "./types.ts";

/** A body to find names in, in its article's script. */
export interface FindJob {
  body: string;
  script: Script;
}

/** What the builder sends a finding thread: bodies to read (`first` is the index of the first), or the end. */
export type ToFinder = { first: number; jobs: readonly FindJob[] } | { done: true };

/** What a finding thread answers: that it is ready, what it found from `first` on, or why it failed. */
export type FromFinder = { ready: true } | { first: number; found: FoundEntities[] } | { failed: string };

/** How many bodies a finding thread is sent at once. */
const THREAD_CHUNK = 128;

/**
 * Finds the names in many bodies on every core: one thread per core takes bodies from one
 * queue until none is left, so a thread that starts late takes fewer. The finder reads
 * about half a million characters a second on one core, and a clean build of a large archive
 * waits for it. This thread only hands out bodies: in Astro's loader its code runs through
 * Vite's module runner, about half as fast as the threads, which Node runs as they are.
 * Answers in the order of `jobs`; `correctionsFile` is content/entities.yaml.
 */
export async function findInThreads(
  jobs: readonly FindJob[],
  correctionsFile: string,
  threads: number = availableParallelism(),
): Promise<FoundEntities[]> {
  // Read here first: a file that cannot be used stops the build before any thread starts.
  loadEntityCorrections(correctionsFile);
  const found: FoundEntities[] = new Array<FoundEntities>(jobs.length);
  let next = 0;
  let failure = false;
  const take = (size: number): { first: number; jobs: FindJob[] } => {
    const first = next;
    next = failure ? next : Math.min(jobs.length, next + size);
    return { first, jobs: jobs.slice(first, next) };
  };
  const running = Array.from({ length: Math.max(1, threads) }, () =>
    findingThread(correctionsFile, take, (first, names) => names.forEach((entry, i) => (found[first + i] = entry))),
  );
  try {
    await Promise.all(running.map((thread) => thread.done));
  } catch (error) {
    // One thread failed: the others take no more and are stopped.
    failure = true;
    await Promise.all(running.map((thread) => thread.stop()));
    throw error;
  }
  return found;
}

/** A running finding thread: done once it has answered for all it took; stop ends it at once. */
interface FindingThread {
  done: Promise<void>;
  stop: () => Promise<void>;
}

function findingThread(
  correctionsFile: string,
  take: (size: number) => { first: number; jobs: FindJob[] },
  answer: (first: number, found: FoundEntities[]) => void,
): FindingThread {
  const worker = new Worker(new URL("./find-worker.ts", import.meta.url), { workerData: { correctionsFile } });
  const stop = async () => {
    worker.removeAllListeners();
    await worker.terminate();
  };
  const done = new Promise<void>((resolve, reject) => {
    const send = () => {
      const chunk = take(THREAD_CHUNK);
      worker.postMessage((chunk.jobs.length > 0 ? chunk : { done: true }) satisfies ToFinder);
      return chunk.jobs.length > 0;
    };
    let pending = 0;
    worker.on("message", (message: FromFinder) => {
      if ("failed" in message) return reject(new Error(`finding names failed: ${message.failed}`));
      if ("found" in message) {
        answer(message.first, message.found);
        pending--;
      }
      // Two chunks in hand, so the thread never waits for this one to answer.
      while (pending < 2 && send()) pending++;
      if (pending === 0) void stop().then(resolve, reject);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the name-finding thread stopped (exit code ${code})`)));
  });
  return { done, stop };
}
