import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineCollection } from "astro:content";
import type { LoaderContext } from "astro/loaders";
import { z } from "zod";
import { formatProblems, loadArchive } from "./lib/article/load.ts";
import { readBeforeFrom, readerVersion, readRecord, type ReadRecord } from "./lib/article/read-record.ts";
import { articleSchema, type ArticleMeta } from "./lib/article/schema.ts";
import {
  ENTITY_KINDS,
  EntityCache,
  entityCorrectionsPath,
  findInArticle,
  kindsToFind,
  loadEntityCorrections,
  sharedFinder,
  withFound,
  withoutFound,
} from "./lib/entities/index.ts";
import { createConverter } from "./lib/script/converter.ts";
import { TO_HANS } from "./lib/script/direction.ts";
import { readBuildRecord } from "./lib/site/build-record.ts";
import { archiveDir } from "./lib/site/config.ts";
import { contentHash } from "./lib/sources/text.ts";

/** The file in Astro's cache folder recording which file gave which article in the last build. */
const READ_RECORD = "article-files.json";

/** The file in Astro's cache folder keeping the names found in each body. */
const ENTITY_CACHE = "entities.json";

/** Fields the store adds to an article's front matter (and `found`, with the names found). */
const ADDED_FIELDS = ["file", "attachments", "bodyHash", "contentHash"] as const;

/**
 * What the names found in a body depend on besides the body: the finder's code and data,
 * the conversion code it reads Traditional text with, the locked library versions (jieba's
 * dictionary) and the archive's corrections file.
 */
function finderVersion(root: URL, corrections: string): string {
  const sources = import.meta.glob<string>(
    ["./lib/entities/**/*.ts", "./lib/entities/data/*.json", "./lib/script/*.ts"],
    {
      query: "?raw",
      import: "default",
      eager: true,
    },
  );
  let lockfile = "";
  try {
    lockfile = readFileSync(new URL("package-lock.json", root), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return hash(JSON.stringify({ sources, lockfile, corrections }));
}

/**
 * The code that reads and checks an article file, and the locked versions of the libraries
 * it uses: articles kept from the last build are reused only when all of these are unchanged.
 */
function currentReader(root: URL): string {
  const sources = import.meta.glob<string>(["./lib/article/*.ts", "./lib/build/file-identity.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });
  let lockfile = "";
  try {
    lockfile = readFileSync(new URL("package-lock.json", root), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return readerVersion({ ...sources, "package-lock.json": lockfile });
}

const hash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** Loads every article of the archive into the content store, stopping on any problem. */
async function loadArticles({ store, logger, config }: LoaderContext): Promise<void> {
  const reader = currentReader(config.root);
  const recordFile = fileURLToPath(new URL(READ_RECORD, config.cacheDir));
  const recorded = await readBuildRecord<ReadRecord>(recordFile);
  const stored = (id: string): ArticleMeta | undefined => {
    const entry = store.get(id);
    if (!entry) return undefined;
    const data: Record<string, unknown> = { ...entry.data };
    for (const field of ADDED_FIELDS) delete data[field];
    return withoutFound(data) as unknown as ArticleMeta;
  };
  const {
    articles: loaded,
    problems,
    identities,
    reused,
  } = await loadArchive(archiveDir(), readBeforeFrom(recorded, reader, stored));
  if (problems.length > 0) {
    const error = new Error(
      `${problems.length} problem(s) in the archive; run \`npm run check\` for the full report.\n${formatProblems(problems)}`,
    );
    // The message says all a maintainer needs; a stack trace would only bury it, and
    // Astro prints its "Stack trace:" heading whenever the stack is not empty.
    error.stack = "";
    throw error;
  }
  // Names are found in the text of articles whose front matter lists none.
  const correctionsFile = entityCorrectionsPath(archiveDir());
  let correctionsText = "";
  try {
    correctionsText = readFileSync(correctionsFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const toHans = createConverter(TO_HANS);
  const corrections = loadEntityCorrections(correctionsFile, (text) => toHans.convert(text));
  const cache = await EntityCache.open(
    fileURLToPath(new URL(ENTITY_CACHE, config.cacheDir)),
    finderVersion(config.root, correctionsText),
  );
  const ids = new Set(loaded.map((article) => article.meta.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const { meta, body, file, attachments } of loaded) {
    const bodyHash = hash(body);
    const found =
      kindsToFind(meta).length === 0
        ? undefined
        : cache.get(`${bodyHash} ${meta.script}`, () =>
            findInArticle(sharedFinder(corrections), body, meta.script, corrections),
          );
    const data = found ? withFound(meta, found) : meta;
    const names = JSON.stringify(ENTITY_KINDS.map((kind) => data[kind]));
    // Unchanged entries are left as they are, so the store is written again only for what changed.
    const digest = hash(
      `${reader} ${file} ${identities.get(file)} ${bodyHash} ${JSON.stringify(attachments)} ${names}`,
    );
    store.set({ id: meta.id, data: { ...data, file, attachments, bodyHash, contentHash: contentHash(body) }, digest });
  }
  await mkdir(path.dirname(recordFile), { recursive: true });
  await cache.save();
  const { cached, read } = cache.counts();
  await writeFile(recordFile, JSON.stringify(readRecord(reader, loaded, identities)));
  logger.info(
    `${loaded.length} articles loaded (${loaded.length - reused} read, ${reused} unchanged since the last build); ` +
      `names found in ${cached + read} bodies (${read} read, ${cached} from the cache)`,
  );
}

const watched = new WeakSet<object>();

/**
 * In the dev server, loads the archive again when a file under it changes, is added or is
 * removed, so an edit shows on the next request. Only the changed files are read again
 * (the others are known by their identity); a problem is logged, not thrown, and the
 * store keeps the articles it had.
 */
function watchArchive(context: LoaderContext): void {
  const watcher = context.watcher;
  if (!watcher || watched.has(watcher)) return;
  watched.add(watcher);
  const dir = path.resolve(archiveDir());
  watcher.add(dir);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      try {
        await loadArticles(context);
      } catch (error) {
        context.logger.error((error as Error).message);
      }
    });
  };
  watcher.on("all", (_event, file) => {
    const relative = path.relative(dir, path.resolve(file));
    if (relative.startsWith("..") || path.isAbsolute(relative) || !relative.startsWith(`articles${path.sep}`)) return;
    clearTimeout(timer);
    // A save often comes as several events (write, rename): load once they have settled.
    timer = setTimeout(reload, 50);
  });
}

/**
 * The archive's articles. The loader runs the same checks as `npm run check` and
 * stops the build with every problem listed, so nothing is skipped silently. Files
 * unchanged since the last build (same size, modification time and inode) are not parsed
 * again: their front matter is taken from Astro's content store, kept in its cache folder.
 * The store holds front matter only, with a hash of the body: Astro bundles the whole
 * store into the build, so pages read a body from its file (src/data/bodies.ts).
 */
const articles = defineCollection({
  loader: {
    name: "archive-articles",
    load: async (context) => {
      await loadArticles(context);
      if (context.watcher) watchArchive(context);
    },
  },
  schema: articleSchema.extend({
    file: z.string(),
    attachments: z.array(
      z.object({
        name: z.string(),
        source: z.string(),
        bytes: z.number(),
        type: z.string(),
        width: z.number().optional(),
        height: z.number().optional(),
      }),
    ),
    /** A hash of the Markdown body, for the pages' cache keys. */
    bodyHash: z.string(),
    /** The content hash of the archived text, shown as provenance (src/lib/sources/text.ts). */
    contentHash: z.string(),
    /** Which of persons, places and organizations were found in the text (the front matter lists none). */
    found: z.array(z.enum(ENTITY_KINDS)).optional(),
  }),
});

export const collections = { articles };
