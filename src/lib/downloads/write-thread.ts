import { Worker } from "node:worker_threads";
import type { DownloadsRecord, DownloadsWritten } from "./write.ts";
import type { DownloadChoice } from "./files.ts";

/** What the downloads thread is given: writeDownloads's arguments. */
export interface DownloadsJob {
  siteDir: string;
  published: string | undefined;
  previous: DownloadsRecord;
  choice: DownloadChoice;
}

/**
 * writeDownloads in a thread of its own, with a heap of its own. Zipping allocates a buffer
 * for every Markdown file and every zip; in the build's own thread, whose heap holds the
 * whole archive's pages and data, the step took 287.6 s at 100,008 articles, and 33.6 s
 * here (docs/performance.md).
 */
export function writeDownloadsInThread(job: DownloadsJob): Promise<DownloadsWritten> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./write-worker.ts", import.meta.url), { workerData: job });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the thread writing downloads stopped (exit code ${code})`)));
  });
}
