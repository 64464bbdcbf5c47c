import { describe, expect, it } from "vitest";
import { answerFromThread } from "../../../src/lib/build/answer-thread.ts";

/** A worker written as a data: address, so that each case's thread is visible beside it. */
function workerOf(code: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

describe("a build step in a thread of its own", () => {
  it("answers what the thread posts, worked from the data it was given", async () => {
    const file = workerOf(
      `import { parentPort, workerData } from "node:worker_threads"; parentPort.postMessage(workerData.n * 2);`,
    );
    await expect(answerFromThread<number>(file, { n: 21 }, "doubling")).resolves.toBe(42);
  });

  it("fails with the thread's own error", async () => {
    const file = workerOf(`throw new Error("no archive here");`);
    await expect(answerFromThread(file, {}, "reading")).rejects.toThrow("no archive here");
  });

  it("fails, naming what it was doing, when the thread stops without answering", async () => {
    const file = workerOf(`process.exit(3);`);
    await expect(answerFromThread(file, {}, "writing downloads")).rejects.toThrow(
      "the thread writing downloads stopped (exit code 3)",
    );
  });
});
