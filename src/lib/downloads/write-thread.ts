import { answerFromThread } from "../build/answer-thread.ts";
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
  return answerFromThread(new URL("./write-worker.ts", import.meta.url), job, "writing downloads");
}
