// The vocabulary scan's thread (see vocabulary-thread.ts): runs at the lowest CPU priority
// and scans the pages it is sent, answering each request for what it found in order.
import { readlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { pageRead, pageText } from "./page.ts";
import { VocabularyScanner } from "./vocabulary.ts";
import type { FromScanner, ToScanner } from "./vocabulary-thread.ts";

lowerThisThread();
const scanner = new VocabularyScanner((workerData as { patterns: string[] }).patterns);
let done: Promise<void> = Promise.resolve();
let failed = false;
parentPort?.on("message", (message: ToScanner) => {
  done = done.then(async () => {
    if (failed) return;
    try {
      if (message.kind === "scan") {
        for (const file of message.files) scanner.scan(pageText(pageRead(await readFile(file, "utf8"))));
      } else {
        parentPort?.postMessage({ id: message.id, found: scanner.takeFound() } satisfies FromScanner);
      }
    } catch (error) {
      // Reported before any later request's answer: nothing found after a failure counts.
      failed = true;
      parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies FromScanner);
    }
  });
});

/**
 * Gives this thread the lowest CPU priority, so that it uses only what Pagefind leaves idle.
 * Linux sets a priority per thread, named by its id; elsewhere the scan runs at the normal one.
 */
function lowerThisThread(): void {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    setPriority(threadId, constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc/thread-self, or not allowed: the scan still runs.
  }
}
