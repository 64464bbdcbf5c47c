import { Worker } from "node:worker_threads";

/** What the builder sends the scanning thread: pages to scan, or a request for what was found. */
export type ToScanner = { kind: "scan"; files: string[] } | { kind: "take"; id: number };

/** What the scanning thread answers: what it found for a request, or why it stopped scanning. */
export type FromScanner = { id: number; found: string[] } | { failed: string };

/**
 * The vocabulary scan (VocabularyScanner over the pages' text) in a thread of its own at
 * the lowest CPU priority: beside Pagefind, which keeps one core and a half busy, it takes
 * only what Pagefind leaves idle instead of slowing it. Requests are answered in the order
 * they are made, so `takeFound` covers every page sent to `scan` before it.
 */
export class VocabularyThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (found: string[]) => void; reject: (error: Error) => void }>();
  #next = 0;
  #failure: Error | undefined;

  /** Starts the thread, which builds its pattern tree while the builder goes on. */
  constructor(patterns: Iterable<string>) {
    this.#worker = new Worker(new URL("./vocabulary-worker.ts", import.meta.url), {
      workerData: { patterns: [...patterns] },
    });
    this.#worker.on("message", (message: FromScanner) => {
      if ("failed" in message) return this.#fail(new Error(`the vocabulary scan failed: ${message.failed}`));
      this.#waiting.get(message.id)?.resolve(message.found);
      this.#waiting.delete(message.id);
    });
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the vocabulary scan stopped (exit code ${code})`)));
  }

  /** Queues pages (absolute paths of built HTML files) to scan. */
  scan(files: readonly string[]): void {
    this.#worker.postMessage({ kind: "scan", files: [...files] } satisfies ToScanner);
  }

  /** The patterns found in the pages queued since the last call, sorted (VocabularyScanner.takeFound). */
  takeFound(): Promise<string[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    const found = new Promise<string[]>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#worker.postMessage({ kind: "take", id } satisfies ToScanner);
    // A request no one waits for any more (its build failed first) is no failure of its own.
    found.catch(() => undefined);
    return found;
  }

  /** Stops the thread; a request still unanswered fails rather than waiting for ever. */
  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    this.#fail(new Error("the vocabulary scan was stopped before it answered"));
    await this.#worker.terminate();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const { reject } of this.#waiting.values()) reject(this.#failure);
    this.#waiting.clear();
  }
}
