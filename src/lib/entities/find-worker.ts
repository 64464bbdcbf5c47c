// A name-finding thread (see find-threads.ts): builds its finder, says it is ready, then
// answers each batch of bodies it is sent with the names found in them, in order.
import { parentPort, workerData } from "node:worker_threads";
import { loadEntityCorrections } from "./corrections.ts";
import type { FromFinder, ToFinder } from "./find-threads.ts";
import { findInArticle, sharedFinder } from "./index.ts";
import { createConverter } from "../script/converter.ts";
import { TO_HANS } from "../script/direction.ts";

const reply = (message: FromFinder) => parentPort?.postMessage(message);
try {
  const toHans = createConverter(TO_HANS);
  const corrections = loadEntityCorrections((workerData as { correctionsFile: string }).correctionsFile, (text) =>
    toHans.convert(text),
  );
  const finder = sharedFinder(corrections);
  parentPort?.on("message", (message: ToFinder) => {
    if ("done" in message) return;
    try {
      reply({
        first: message.first,
        found: message.jobs.map(({ body, script }) => findInArticle(finder, body, script, corrections)),
      });
    } catch (error) {
      reply({ failed: error instanceof Error ? error.message : String(error) });
    }
  });
  reply({ ready: true });
} catch (error) {
  reply({ failed: error instanceof Error ? error.message : String(error) });
}
