/**
 * Work a run starts and goes on without waiting for (removing a staging folder, linking a
 * bundle into the cache), finished before the run counts as done. A failure is kept, not
 * left unhandled, and fails the run when it waits at its end.
 */
export class Beside {
  readonly #running: Promise<void>[] = [];
  readonly #failures: unknown[] = [];

  /** Lets a piece of work run on beside what follows. */
  add(work: Promise<unknown>): void {
    this.#running.push(
      work.then(
        () => undefined,
        (error: unknown) => void this.#failures.push(error),
      ),
    );
  }

  /** Waits for every piece of work added, including those added meanwhile; throws the first failure. */
  async done(): Promise<void> {
    while (this.#running.length > 0) await Promise.all(this.#running.splice(0));
    if (this.#failures.length > 0) throw this.#failures[0];
  }
}
