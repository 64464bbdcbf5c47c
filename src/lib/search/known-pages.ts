import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readBuildRecord } from "../site/build-record.ts";
import type { PageFacts } from "./page.ts";

/**
 * What the indexer read from each article page in the last build, by an identity of the
 * page that changes whenever the page may have (see the indexer's pageIdentity): an unchanged
 * page's facts and hash are taken from here instead of reading tens of thousands of
 * unchanged pages again.
 */

/** What the indexer needs of a page besides its path: its facts and a hash of its HTML. */
export type PageRecord = PageFacts & { hash: string };

type Stored = Record<string, [identity: string, record: PageRecord]>;

/** Pages read in the last build, and those read or confirmed in this one. */
export class KnownPages {
  readonly #file: string | undefined;
  readonly #previous: Stored;
  readonly #next: Stored = {};

  private constructor(file: string | undefined, previous: Stored) {
    this.#file = file;
    this.#previous = previous;
  }

  /** The pages recorded in `file` by the last build; none without a file. */
  static async load(file: string | undefined): Promise<KnownPages> {
    if (file === undefined) return new KnownPages(undefined, {});
    return new KnownPages(file, (await readBuildRecord<Stored>(file)) ?? {});
  }

  /** The record of a page whose identity is the one it had when the last build read it, if it is. */
  get(page: string, identity: string): PageRecord | undefined {
    const known = this.#previous[page];
    if (known === undefined || known[0] !== identity) return undefined;
    this.#next[page] = known;
    return known[1];
  }

  /** Records a page read in this build. */
  set(page: string, identity: string, record: PageRecord): void {
    this.#next[page] = [identity, record];
  }

  /** Writes this build's pages for the next build. */
  async save(): Promise<void> {
    if (this.#file === undefined) return;
    await mkdir(path.dirname(this.#file), { recursive: true });
    await writeFile(this.#file, JSON.stringify(this.#next));
  }
}
