// The thread that writes the downloads (write-thread.ts): does the work it is given and
// answers what it wrote; a failure reaches the caller as the thread's error.
import { parentPort, workerData } from "node:worker_threads";
import type { DownloadsJob } from "./write-thread.ts";
import { writeDownloads } from "./write.ts";

const { siteDir, published, previous, choice } = workerData as DownloadsJob;
parentPort?.postMessage(await writeDownloads(siteDir, published, previous, choice));
