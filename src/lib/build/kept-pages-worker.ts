// The thread that links the pages kept from the published site (kept-pages.ts): does the
// work it is given and answers the pages linked.
import { parentPort, workerData } from "node:worker_threads";
import { linkKeptPagesNow, type KeptPagesJob } from "./kept-pages.ts";

parentPort?.postMessage(linkKeptPagesNow(workerData as KeptPagesJob));
