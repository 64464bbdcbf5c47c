import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { formatProblems, loadArchive, type LoadedArticle } from "../lib/article/load.ts";
import { readBeforeFrom, readRecord, type ReadRecord } from "../lib/article/read-record.ts";
import type { ArticleMeta, Script } from "../lib/article/schema.ts";
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
} from "../lib/entities/index.ts";
import { findInThreads } from "../lib/entities/find-threads.ts";
import { createConverter } from "../lib/script/converter.ts";
import { TO_HANS } from "../lib/script/direction.ts";
import { readBuildRecord } from "../lib/site/build-record.ts";
import { archiveDir } from "../lib/site/config.ts";
import { contentHash } from "../lib/sources/text.ts";
import { enqueue, findLater, keptFrom, watchArchive } from "./dev-reload.ts";
import { currentReader, finderVersion } from "./versions.ts";

/** The file in Astro's cache folder recording which file gave which article in the last build. */
const READ_RECORD = "article-files.json";

/** The file in Astro's cache folder keeping the names found in each body. */
const ENTITY_CACHE = "entities.json";

/** Fields the store adds to an article's front matter (and `found`, with the names found). */
const ADDED_FIELDS = ["file", "attachments", "contentHash", "sourceHash"] as const;

const hash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

/**
 * The dev server's last load, by file: what its watcher says has not changed since is taken
 * from here without reading the file (a build never keeps it: it loads once).
 */
let lastLoad: Map<string, { article: LoadedArticle; identity: string }> | undefined;

/** A body's hashes: the names cache's key (`body`) and the published SHA-256 (`content`). */
interface BodyHashes {
  body: string;
  content: string;
}

/** The dev server's body hashes by file hash from its last load, so a load after one edit hashes one body. */
let keptHashes = new Map<string, BodyHashes>();

/**
 * Loads every article of the archive into the content store, stopping on any problem.
 * `changed`, from the dev server's watcher, lists the only files (absolute, links resolved)
 * that may differ from the last load in this process.
 */
async function loadArticles(context: LoaderContext, changed?: ReadonlySet<string>): Promise<void> {
  const { store, logger, config, watcher } = context;
  const started = performance.now();
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
  } = await loadArchive(
    archiveDir(),
    readBeforeFrom(recorded, reader, stored),
    changed && lastLoad ? keptFrom(lastLoad, changed) : undefined,
  );
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
  const cache = await entityCache(
    fileURLToPath(new URL(ENTITY_CACHE, config.cacheDir)),
    finderVersion(config.root, correctionsText),
  );
  const counted = cache.counts();
  const finder = (body: string, script: Script) => () =>
    findInArticle(sharedFinder(corrections), body, script, corrections);
  const keyOf = (bodyHash: string, script: Script) => `${bodyHash} ${script}`;
  // Names are found for articles whose front matter leaves some kind out, unless entities.yaml says `find: false`.
  const toFind = (meta: ArticleMeta) => corrections.find && kindsToFind(meta).length > 0;
  const hashes = new Map<string, BodyHashes>();
  const hashesOf = ({ sourceHash, body }: LoadedArticle): BodyHashes => {
    const known = hashes.get(sourceHash) ??
      keptHashes.get(sourceHash) ?? { body: hash(body), content: contentHash(body) };
    hashes.set(sourceHash, known);
    return known;
  };
  // In the dev server, a first start on a large archive answers before every name is found.
  const unknown = loaded.filter(
    (article) => toFind(article.meta) && !cache.has(keyOf(hashesOf(article).body, article.meta.script)),
  );
  const later =
    watcher !== undefined && unknown.length > FIND_LATER_OVER && !findingLater ? new Set(unknown) : undefined;
  // A build waits for the names: many bodies are read on every core first, each body once
  // (the same notice republished by several sources is one body).
  const distinct = [
    ...new Map(unknown.map((article) => [keyOf(hashesOf(article).body, article.meta.script), article])),
  ];
  const inThreads =
    watcher === undefined && distinct.length > FIND_IN_THREADS_OVER
      ? await findInThreads(
          distinct.map(([, { body, meta }]) => ({ body, script: meta.script })),
          correctionsFile,
        )
      : [];
  const foundInThreads = new Map(distinct.map(([key], i) => [key, inThreads[i]]));
  const ids = new Set(loaded.map((article) => article.meta.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const article of loaded) {
    const { meta, body, file, attachments, sourceHash } = article;
    const bodyHashes = hashesOf(article);
    const key = keyOf(bodyHashes.body, meta.script);
    const found =
      !toFind(meta) || later?.has(article)
        ? undefined
        : cache.get(key, () => foundInThreads.get(key) ?? finder(body, meta.script)());
    const data = found ? withFound(meta, found) : meta;
    const names = JSON.stringify(ENTITY_KINDS.map((kind) => data[kind]));
    // Unchanged entries are left as they are, so the store is written again only for what changed.
    const digest = hash(
      `${reader} ${file} ${identities.get(file)} ${sourceHash} ${JSON.stringify(attachments)} ${names}`,
    );
    store.set({
      id: meta.id,
      data: { ...data, file, attachments, contentHash: bodyHashes.content, sourceHash },
      digest,
    });
  }
  const cached = cache.counts().cached - counted.cached;
  const read = cache.counts().read - counted.read;
  if (later) {
    findingLater = true;
    logger.info(`finding names in ${later.size} bodies while the server answers; pages show them once done`);
    void findLater(
      [...later],
      (article) =>
        cache.get(keyOf(hashesOf(article).body, article.meta.script), finder(article.body, article.meta.script)),
      // Saved as it goes, so a server stopped before the end keeps what it found.
      () => cache.save(),
    ).then(() => {
      findingLater = false;
      logger.info(`names found in the ${later.size} bodies left; pages show them after this load`);
      enqueue(() => loadArticles(context), logger);
    });
  }
  await mkdir(path.dirname(recordFile), { recursive: true });
  await cache.save();
  await writeFile(recordFile, JSON.stringify(readRecord(reader, loaded, identities)));
  if (watcher) {
    keptHashes = hashes;
    lastLoad = new Map(loaded.map((article) => [article.file, { article, identity: identities.get(article.file)! }]));
  }
  logger.info(
    `${loaded.length} articles loaded (${loaded.length - reused} read, ` +
      `${reused} unchanged since the last ${watcher ? "load" : "build"}); ` +
      `names found in ${cached + read} bodies (${read} read, ${cached} from the cache); ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** In the dev server, a load with more bodies than this whose names are unknown finds them after answering. */
const FIND_LATER_OVER = 200;

/** In a build, more bodies than this whose names are unknown are read on every core (find-threads.ts). */
const FIND_IN_THREADS_OVER = 1000;

/** Whether names are being found after a load, in the dev server. */
let findingLater = false;

/** The cache of names found, kept open in this process while its version holds. */
let openCache: { file: string; version: string; cache: EntityCache } | undefined;

async function entityCache(file: string, version: string): Promise<EntityCache> {
  if (openCache?.file !== file || openCache.version !== version) {
    openCache = { file, version, cache: await EntityCache.open(file, version) };
  }
  return openCache.cache;
}

/**
 * The archive's articles. The loader runs the same checks as `npm run check` and
 * stops the build with every problem listed, so nothing is skipped silently. Files
 * unchanged since the last build (same size, modification time and inode) are not parsed
 * again: their front matter is taken from Astro's content store, kept in its cache folder.
 * The store holds front matter only, with a hash of the file: Astro bundles the whole
 * store into the build, so pages read a body from its file (src/data/bodies.ts).
 */
export const articlesLoader: Loader = {
  name: "archive-articles",
  load: async (context) => {
    await loadArticles(context);
    if (context.watcher) watchArchive(context, archiveDir(), (changed) => loadArticles(context, changed));
  },
};
