import { Worker } from "node:worker_threads";

/**
 * Runs a worker file with its data and resolves with the one message it posts: the shape of
 * every build step done in a thread of its own. An error thrown in the thread rejects; so
 * does a thread that stops without answering, naming `what` it was doing.
 */
export function answerFromThread<Answer>(file: URL, data: unknown, what: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    worker.once("message", (answer: Answer) => resolve(answer));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the thread ${what} stopped (exit code ${code})`)));
  });
}
