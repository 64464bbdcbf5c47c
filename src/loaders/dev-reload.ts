import { realpathSync } from "node:fs";
import path from "node:path";
import type { LoaderContext } from "astro/loaders";
import { displayPath, type KeptArticle, type LoadedArticle } from "../lib/article/load.ts";

/** The dev server's loads, one after another. */
let loads: Promise<void> = Promise.resolve();

/** Runs a load after those before it; a problem is logged, not thrown, and the store keeps the articles it had. */
export function enqueue(load: () => Promise<void>, logger: LoaderContext["logger"], failed?: () => void): void {
  loads = loads.then(async () => {
    try {
      await load();
    } catch (error) {
      failed?.();
      logger.error((error as Error).message);
    }
  });
}

/** Articles whose names are found between two checkpoints (the cache saved). */
const CHECKPOINT_ARTICLES = 2_000;

/** Milliseconds of finding names between pauses of as long, in the dev server. */
const SLICE_MS = 8;

/**
 * Finds names article by article in short slices with pauses between them, so the server
 * keeps answering: a page waits on many reads and module loads, each of which would
 * otherwise wait for the finder.
 */
export async function findLater(
  articles: readonly LoadedArticle[],
  find: (article: LoadedArticle) => unknown,
  checkpoint: () => Promise<void>,
): Promise<void> {
  let next = 0;
  let saved = 0;
  while (next < articles.length) {
    await new Promise((resolve) => setTimeout(resolve, SLICE_MS));
    const until = performance.now() + SLICE_MS;
    do find(articles[next++]!);
    while (next < articles.length && performance.now() < until);
    if (next - saved >= CHECKPOINT_ARTICLES) {
      saved = next;
      await checkpoint();
    }
  }
}

/** The articles of the last load whose files are not among those changed since. */
export function keptFrom(
  last: ReadonlyMap<string, { article: LoadedArticle; identity: string }>,
  changed: ReadonlySet<string>,
): KeptArticle {
  // Named as articles name their files, so each lookup needs no path arithmetic.
  const changedFiles = new Set([...changed].map(displayPath));
  return (file) => (changedFiles.has(file) ? undefined : last.get(file));
}

const watched = new WeakSet<object>();

/**
 * In the dev server, calls `load` again when a file under the archive changes, is added or
 * is removed, so an edit shows on the next request. Only the articles whose files changed are
 * read again (any other change, to a folder or an attachment, reads every file); a problem
 * is logged, not thrown, and the store keeps the articles it had.
 */
export function watchArchive(
  context: LoaderContext,
  archive: string,
  load: (changed: ReadonlySet<string> | undefined) => Promise<void>,
): void {
  const watcher = context.watcher;
  if (!watcher || watched.has(watcher)) return;
  watched.add(watcher);
  const dir = path.resolve(archive);
  watcher.add(dir);
  let timer: NodeJS.Timeout | undefined;
  // The files changed since the last load; undefined once a change needs every file read.
  let changed: Set<string> | undefined = new Set();
  const reload = () => {
    const files = changed;
    changed = new Set();
    enqueue(
      () => load(files),
      context.logger,
      // Until a load succeeds, the files of this one are still to be read again.
      () => (changed = files && changed ? new Set([...files, ...changed]) : undefined),
    );
  };
  watcher.on("all", (event, file) => {
    const absolute = path.resolve(file);
    const relative = path.relative(dir, absolute);
    if (relative.startsWith("..") || path.isAbsolute(relative) || !relative.startsWith(`articles${path.sep}`)) return;
    if ((event === "add" || event === "change" || event === "unlink") && absolute.endsWith(".md")) {
      changed?.add(realPath(absolute));
    } else changed = undefined;
    clearTimeout(timer);
    // A save often comes as several events (write, rename): load once they have settled.
    timer = setTimeout(reload, 50);
  });
}

/** A path with its links resolved, as the loader names files; as given when it no longer exists. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
