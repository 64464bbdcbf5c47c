import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Rule } from "../script/rules.ts";
import { TO_HANS, TO_HANT } from "../script/direction.ts";
import { DATE_SORT_KEY } from "./filters.ts";
import { withBase } from "../site/base.ts";
import { manifestName, SEARCH_LANGUAGES, type SearchLanguage, type SearchManifest } from "./manifest.ts";
import { openccSteps, type OpenccSteps } from "./opencc-steps.ts";
import { KnownPages } from "./known-pages.ts";
import { fileIdentity } from "../build/file-identity.ts";
import { pageFacts } from "./page.ts";
import { chunkPostings, pagefindVersion, runPagefind } from "./pagefind-cli.ts";
import { Beside } from "./beside.ts";
import { linkFileSync, linkTree } from "./hard-links.ts";
import { pageHash, patternsDigest, ShardCache, shardKey, type CachedShard } from "./shard-cache.ts";
import { buildQueryTable, tablePatterns, triggerCharacters } from "./query-table.ts";
import { planShards, SORT_ANCHOR_VALUE, SORT_ANCHOR_WORD, type ShardPlan } from "./shards.ts";
import { encodeCharacterSet } from "./trigger.ts";
import { withSearchPreloads } from "./preload.ts";
import { VocabularyThread } from "./vocabulary-thread.ts";

/** The folder of the built site that holds the search bundles. */
export const BUNDLE_DIR = "pagefind";

/** Article pages of the built site: /zh-hans/articles/<id>/ and /zh-hant/articles/<id>/. */
const ARTICLE_PAGES = "*/articles/*/index.html";

/** Files Pagefind writes for its own search interfaces, which this site does not use. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

/** Settings for one indexing run. */
export interface IndexOptions {
  /** The built site (Astro's output folder). */
  siteDir: string;
  /**
   * The site's base path ("/", or "/policy-archive/" under a sub-path): the manifests' URLs
   * start with it. Page URLs in the index do not: Pagefind's script puts the path before
   * /pagefind/ in front of them.
   */
  base?: string;
  /** Most pages in one Pagefind index; more pages are split into date-ordered shards. */
  shardPages: number;
  /** Set when the site is built in parts of this many years: shards are cut at the parts' boundaries. */
  yearsPerPart?: number;
  /** The override rules in force for each conversion direction (the project's converters' rules). */
  rules: { toHant: readonly Rule[]; toHans: readonly Rule[] };
  /** Progress messages. */
  log?: (message: string) => void;
  /**
   * A folder kept between builds: each shard indexed is stored there by content, and a
   * shard whose pages are all unchanged is copied from it instead of indexed again.
   */
  cacheDir?: string;
  /**
   * A file kept between builds recording each article page's facts and hash by its
   * identity (pageIdentity), so that unchanged pages are not read again.
   */
  knownPagesFile?: string;
  /**
   * A folder kept between builds holding a copy of each page as the last build that made it
   * wrote it, at the same path (Astro's incremental cache, `<cacheDir>/dist/`): every build
   * writes a new site folder, and a page's copy there says whether the page changed.
   */
  pageCopies?: string;
  /** Called with the process id of each shard's Pagefind program when it starts (benchmarks sample its memory). */
  onPagefind?: (pid: number, shard: string) => void;
}

/** What indexing one shard did. */
export interface ShardReport {
  name: string;
  pages: number;
  seconds: number;
  /** Whether the shard came from the cache, unchanged since an earlier build. */
  reused: boolean;
}

/** What an indexing run did. */
export interface IndexReport {
  /** Pages indexed per language (zh-hans, zh-hant). */
  pages: Record<string, number>;
  shards: ShardReport[];
  seconds: number;
}

/**
 * What the manifests and query tables need to know of one shard: a part of a site built in
 * parts records these for the assemble step, which writes the manifests of all parts' shards.
 * Anything a manifest says of a shard must come from here: the assemble step's own output
 * folder holds no shard's files.
 */
export interface ShardSummary {
  name: string;
  /** Its article pages per language (zh-hans, zh-hant). */
  pages: Record<string, number>;
  /** The query-table patterns its pages contain. */
  vocabulary: readonly string[];
  /** A tag that changes with the shard's bundle (its cache key), for its entry file's address. */
  tag: string;
  /** Each language's page-list and WebAssembly file names, from the bundle's pagefind-entry.json. */
  files: Record<string, { meta: string; wasm: string }>;
  /** Each language's page-list size in bytes (absent from the records of parts built before it was kept). */
  metaBytes?: Record<string, number>;
  /** The publication day (YYYY-MM-DD) of its oldest page (absent from the records of parts built before it was kept). */
  since?: string;
}

interface ArticlePage {
  file: string;
  url: string;
  lang: string;
  sortValue: string;
  day: string;
  /** A hash of the page's HTML, for the shard cache. */
  hash: string;
}

/**
 * Indexes every article page of a built site with Pagefind and writes the bundles, the
 * query conversion tables and one manifest per script under /pagefind/. Throws, naming
 * the pages, when a page cannot be indexed: a page missing from search is a bug.
 */
export async function buildSearchIndex(options: IndexOptions): Promise<IndexReport> {
  const { report } = await withBeside(async (beside) => {
    const indexed = await indexInto(options, beside);
    await writeSearchManifests(options, indexed.summaries);
    return indexed;
  });
  return report;
}

/**
 * Indexes the article pages of a built site into shards under /pagefind/, without the
 * manifests: a part of a site built in parts does this, and the assemble step writes the
 * manifests from every part's summaries (writeSearchManifests).
 */
export async function indexShards(options: IndexOptions): Promise<{ report: IndexReport; summaries: ShardSummary[] }> {
  return withBeside((beside) => indexInto(options, beside));
}

/** Runs indexing work and waits for what it left beside; the report's time covers both. */
async function withBeside<T extends { report: IndexReport }>(work: (beside: Beside) => Promise<T>): Promise<T> {
  const started = performance.now();
  const beside = new Beside();
  try {
    const result = await work(beside);
    await beside.done();
    return { ...result, report: { ...result.report, seconds: (performance.now() - started) / 1000 } };
  } catch (error) {
    // The work beside still ends before the failure is reported; its own failures are the lesser news.
    await beside.done().catch(() => undefined);
    throw error;
  }
}

/**
 * indexShards, leaving in `beside` what need not end before the manifests are written:
 * removing staging folders, linking bundles into the cache and out of it, pruning the cache.
 */
async function indexInto(
  options: IndexOptions,
  beside: Beside,
): Promise<{ report: IndexReport; summaries: ShardSummary[] }> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const bundleRoot = path.join(options.siteDir, BUNDLE_DIR);
  await rm(bundleRoot, { recursive: true, force: true });

  const steps = { toHant: openccSteps(TO_HANT), toHans: openccSteps(TO_HANS) };
  const patterns = tablePatterns([steps.toHant, steps.toHans]);
  // Started when a shard is first indexed: a build that reuses every shard needs none.
  let scanner: VocabularyThread | undefined;
  const vocabulary = (): VocabularyThread => (scanner ??= new VocabularyThread(patterns));
  const known = await KnownPages.load(options.knownPagesFile);
  const found = await glob(ARTICLE_PAGES, { cwd: options.siteDir });
  const pages = readArticlePages(options.siteDir, found, known, options.pageCopies);
  await known.save();
  const shards = planShards(pages, options.shardPages, options.yearsPerPart);
  log(`${pages.length} article pages in ${shards.length} shard(s) of at most ${options.shardPages} pages`);

  const cache = options.cacheDir === undefined ? undefined : new ShardCache(options.cacheDir);
  if (cache) beside.add(cache.emptyTrash());
  // A shard indexed with other chunks is another bundle.
  const version = `${pagefindVersion()} chunks ${chunkPostings()}`;
  const scannedFor = patternsDigest(patterns);
  // A site built in parts always has its sort anchors: a part cannot know how many shards the others have.
  const sharded = shards.length > 1 || options.yearsPerPart !== undefined;
  const context: ShardContext = { ...options, bundleRoot, sharded, cache, vocabulary, beside, staged: new Map() };
  // Every shard's cached bundle is looked up first, so that the next shard to index is known
  // and staged while Pagefind indexes the one before it.
  const looked = await Promise.all(
    shards.map(async (shard) => {
      const key = shardKey(shard.pages, sharded, version, scannedFor);
      return { shard, key, cached: await cache?.get(key) };
    }),
  );
  const reports: ShardReport[] = [];
  const summaries: ShardSummary[] = [];
  try {
    const found: {
      shard: ShardPlan<ArticlePage>;
      key: string;
      bundle: string;
      vocabulary: Promise<readonly string[]>;
    }[] = [];
    for (const [index, item] of looked.entries()) {
      const shardStarted = performance.now();
      const next = looked.slice(index + 1).find((later) => later.cached === undefined)?.shard;
      const outcome = await indexOrReuse(item, next, context);
      found.push({
        shard: item.shard,
        key: item.key,
        bundle: item.cached?.bundle ?? path.join(bundleRoot, item.shard.name),
        vocabulary: outcome.vocabulary,
      });
      const report = {
        name: item.shard.name,
        pages: item.shard.pages.length,
        seconds: (performance.now() - shardStarted) / 1000,
        reused: outcome.reused,
      };
      log(
        `shard ${report.name}: ${report.pages} pages ${report.reused ? "unchanged, reused" : "indexed"} in ${report.seconds.toFixed(1)} s`,
      );
      reports.push(report);
    }
    // The scan may still be going through the last pages Pagefind indexed.
    summaries.push(
      ...(await Promise.all(
        found.map(async ({ shard, key, bundle, vocabulary }) => shardSummary(shard, key, bundle, await vocabulary)),
      )),
    );
  } finally {
    await scanner?.close();
  }
  if (cache) beside.add(cache.prune());
  const counts: Record<string, number> = {};
  for (const language of SEARCH_LANGUAGES) {
    counts[language.tag] = pages.filter((page) => page.lang === language.tag).length;
  }
  return { report: { pages: counts, shards: reports, seconds: (performance.now() - started) / 1000 }, summaries };
}

/** What the manifests need to know of a shard: its pages per language, its vocabulary and its bundle's files. */
async function shardSummary(
  shard: ShardPlan<ArticlePage>,
  key: string,
  bundle: string,
  vocabulary: readonly string[],
): Promise<ShardSummary> {
  const pages: Record<string, number> = {};
  for (const page of shard.pages) pages[page.lang] = (pages[page.lang] ?? 0) + 1;
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm?: string | null }>;
  };
  const files = Object.fromEntries(
    Object.entries(entry.languages).map(([language, { hash, wasm }]) => [
      language,
      { meta: `pagefind.${hash}.pf_meta`, wasm: `wasm.${wasm ?? "unknown"}.pagefind` },
    ]),
  );
  const metaBytes = Object.fromEntries(
    await Promise.all(
      Object.entries(files).map(async ([language, { meta }]) => [language, (await stat(path.join(bundle, meta))).size]),
    ),
  ) as Record<string, number>;
  const since = shard.pages[0]?.day;
  return { name: shard.name, pages, vocabulary, tag: key.slice(0, 16), files, metaBytes, ...(since && { since }) };
}

/**
 * Writes what the search pages fetch, for the shards given oldest first: one manifest per
 * script and the query conversion tables, made from every shard's vocabulary.
 */
export async function writeSearchManifests(options: IndexOptions, summaries: readonly ShardSummary[]): Promise<void> {
  const bundleRoot = path.join(options.siteDir, BUNDLE_DIR);
  const steps = { toHant: openccSteps(TO_HANT), toHans: openccSteps(TO_HANS) };
  const vocabulary = new Set(summaries.flatMap((summary) => summary.vocabulary));
  for (const language of SEARCH_LANGUAGES) {
    await writeReaderFiles(language, summaries, { ...options, bundleRoot, steps, vocabulary });
  }
}

/**
 * A shard's bundle: linked from the cache when its pages are unchanged, else indexed (and
 * stored in the cache once its vocabulary is scanned). `next` is the next shard to index,
 * staged once this one's Pagefind runs. Gives the query-table patterns its pages contain.
 */
async function indexOrReuse(
  item: { shard: ShardPlan<ArticlePage>; key: string; cached: CachedShard | undefined },
  next: ShardPlan<ArticlePage> | undefined,
  context: ShardContext,
): Promise<{ reused: boolean; vocabulary: Promise<readonly string[]> }> {
  const { shard, key, cached } = item;
  const outputPath = path.join(context.bundleRoot, shard.name);
  if (cached) {
    context.beside.add(linkTree(cached.bundle, outputPath));
    return { reused: true, vocabulary: Promise.resolve(cached.vocabulary) };
  }
  await indexShard(shard, next, context);
  const vocabulary = context.vocabulary().takeFound();
  const cache = context.cache;
  if (cache) context.beside.add(vocabulary.then((found) => cache.put(key, outputPath, found)));
  return { reused: false, vocabulary };
}

interface ReaderContext extends IndexOptions {
  bundleRoot: string;
  steps: { toHant: OpenccSteps; toHans: OpenccSteps };
  /** The query-table patterns the archive's pages contain. */
  vocabulary: ReadonlySet<string>;
}

/** Writes what the search page of one script fetches: its manifest and the table for queries typed in the other script. */
async function writeReaderFiles(
  language: SearchLanguage,
  shards: readonly ShardSummary[],
  context: ReaderContext,
): Promise<void> {
  const toReader = language.script === "hans" ? "toHans" : "toHant";
  const occurs = (text: string): boolean => context.vocabulary.has(text);
  const steps = context.steps[toReader];
  const rules = context.rules[toReader];
  const base = context.base ?? "/";
  const built = buildQueryTable(steps, rules, occurs);
  // The lexicon's parts go to files of their own: a query fetches only the parts it needs.
  const table = built.words
    ? {
        ...built,
        words: {
          ...built.words,
          lexicon: built.words.lexicon.map(() => ""),
          urls: await Promise.all(
            built.words.lexicon.map((part, index) =>
              writeHashed(context.bundleRoot, base, `lexicon-${language.tag}-${index}`, JSON.stringify(part)),
            ),
          ),
        },
      }
    : built;
  // Newest first: the first shard is the one Pagefind loads as its primary index.
  const inLanguage = shards.filter((shard) => (shard.pages[language.tag] ?? 0) > 0).reverse();
  const url = (shard: ShardSummary) => withBase(base, `${BUNDLE_DIR}/${shard.name}/`);
  const newest = inLanguage[0];
  const files = newest?.files[language.tag];
  const manifest: SearchManifest = {
    pages: inLanguage.reduce((sum, shard) => sum + (shard.pages[language.tag] ?? 0), 0),
    shards: inLanguage.map(url),
    tags: inLanguage.map((shard) => shard.tag),
    ...(inLanguage.every((shard) => shard.since) && { since: inLanguage.map((shard) => shard.since ?? "") }),
    ...(newest && files
      ? {
          start: {
            script: `${url(newest)}pagefind.js`,
            entry: `${url(newest)}pagefind-entry.json?ts=${newest.tag}`,
            meta: `${url(newest)}${files.meta}`,
            wasm: `${url(newest)}${files.wasm}`,
          },
        }
      : {}),
    lists: inLanguage.slice(1).flatMap((shard) => {
      const list = shard.files[language.tag];
      return list
        ? [
            {
              entry: `${url(shard)}pagefind-entry.json?ts=${shard.tag}`,
              meta: `${url(shard)}${list.meta}`,
              bytes: shard.metaBytes?.[language.tag] ?? 0,
            },
          ]
        : [];
    }),
    sortBase: context.shardPages + 1,
    table: await writeHashed(context.bundleRoot, base, `convert-${language.tag}`, JSON.stringify(table)),
    trigger: encodeCharacterSet(triggerCharacters(steps, rules, occurs)),
  };
  await writeFile(path.join(context.bundleRoot, manifestName(language.tag)), JSON.stringify(manifest));
  // The search page of this script, where this build makes one (not in a part of a site built in parts).
  const searchPage = path.join(context.siteDir, language.tag, "search", "index.html");
  let html: string;
  try {
    html = await readFile(searchPage, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await writeFile(searchPage, withSearchPreloads(html, manifest, context.siteDir, base));
}

/**
 * Reads the article pages' facts and hashes, and checks each page can be indexed; pages
 * known from the last build are not read again. Synchronous reads: the pages are read one
 * after another before anything else can start, and so run about twice as fast.
 */
function readArticlePages(
  siteDir: string,
  found: readonly string[],
  known: KnownPages,
  pageCopies: string | undefined,
): ArticlePage[] {
  const files = [...found].sort();
  const pages: ArticlePage[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const identity = pageIdentity(siteDir, file, pageCopies);
    const record = known.get(file, identity);
    if (record !== undefined) {
      pages.push({ file, url: `/${path.posix.dirname(file)}/`, ...record });
      continue;
    }
    const html = readFileSync(path.join(siteDir, file), "utf8");
    const facts = pageFacts(html);
    if ("missing" in facts) {
      problems.push(`${file}: has no ${facts.missing}`);
      continue;
    }
    if (!SEARCH_LANGUAGES.some((language) => language.tag === facts.lang)) {
      problems.push(
        `${file}: lang "${facts.lang}" is none of ${SEARCH_LANGUAGES.map((language) => language.tag).join(", ")}`,
      );
      continue;
    }
    const read = { ...facts, hash: pageHash(html) };
    known.set(file, identity, read);
    pages.push({ file, url: `/${path.posix.dirname(file)}/`, ...read });
  }
  if (problems.length > 0) {
    throw new Error(`${problems.length} article page(s) cannot be indexed for search:\n${problems.join("\n")}`);
  }
  return pages;
}

/**
 * What says whether a page changed since the last build: the identity (size, modification
 * time, inode) of its kept copy, which the build that renders the page writes anew and a
 * build that skips it copies into the site, with the page's own size; the page's own identity
 * where no copy is kept.
 */
function pageIdentity(siteDir: string, file: string, pageCopies: string | undefined): string {
  const stats = statSync(path.join(siteDir, file));
  if (pageCopies !== undefined) {
    try {
      return `copy ${fileIdentity(statSync(path.join(pageCopies, file)))} size ${stats.size}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return fileIdentity(stats);
}

interface ShardContext extends IndexOptions {
  bundleRoot: string;
  sharded: boolean;
  cache: ShardCache | undefined;
  /** The scan of query-table patterns, started on first use. */
  vocabulary: () => VocabularyThread;
  beside: Beside;
  /** The staging folder of each shard staged so far (see stageShard). */
  staged: Map<ShardPlan<ArticlePage>, Promise<string>>;
}

/**
 * Indexes one shard with Pagefind's own program, which indexes a whole folder at once in
 * parallel, and, beside it, scans its pages' vocabulary and stages the next shard to index.
 */
async function indexShard(
  shard: ShardPlan<ArticlePage>,
  next: ShardPlan<ArticlePage> | undefined,
  context: ShardContext,
): Promise<void> {
  const outputPath = path.join(context.bundleRoot, shard.name);
  let stage: string | undefined;
  try {
    stage = await staging(shard, context);
    const indexing = runPagefind({
      site: stage,
      glob: "**/index.html",
      outputPath,
      ...(context.onPagefind ? { onStart: (pid: number) => context.onPagefind?.(pid, shard.name) } : {}),
    });
    // Beside Pagefind: the vocabulary scan, in the idle time it leaves, and the next shard's links.
    context.vocabulary().scan(shard.pages.map((page) => path.join(context.siteDir, page.file)));
    if (next) staging(next, context).catch(() => undefined);
    await indexing;
  } finally {
    if (stage !== undefined) {
      context.beside.add(context.cache ? context.cache.discard(stage) : rm(stage, { recursive: true, force: true }));
    }
  }
  await checkPageCounts(shard, outputPath, context.sharded);
  await removeUnusedFiles(outputPath);
}

/** A shard's staging folder (stageShard), made on first call. */
function staging(shard: ShardPlan<ArticlePage>, context: ShardContext): Promise<string> {
  let staged = context.staged.get(shard);
  if (!staged) {
    staged = stageShard(shard, context);
    context.staged.set(shard, staged);
  }
  return staged;
}

/** Links made between two turns of the event loop while staging, so that the work beside it on this thread goes on. */
const LINKS_PER_TURN = 500;

/**
 * Makes the folder Pagefind indexes for a shard: its pages hard-linked, in date order,
 * under their site paths (which become their result URLs), and its sort anchors. Pagefind
 * numbers pages in the order it walks that folder, which depends on the names and, on file
 * systems that keep creation order, on the order they were linked: fixed either way, so two
 * builds are identical. Links are made one after another, synchronously (much faster than
 * awaiting each), yielding now and then to what runs beside.
 */
async function stageShard(shard: ShardPlan<ArticlePage>, context: ShardContext): Promise<string> {
  const stage = path.join(context.bundleRoot, `.stage-${shard.name}`);
  for (const [index, page] of shard.pages.entries()) {
    const to = path.join(stage, page.file);
    mkdirSync(path.dirname(to), { recursive: true });
    linkFileSync(path.join(context.siteDir, page.file), to);
    if (index % LINKS_PER_TURN === LINKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  if (context.sharded) {
    // One page per language sorting before every page, so real pages take positions from 1 (see dateSortWeight).
    // Its URL, /pagefind/<lang>/, is one no page has.
    for (const lang of [...new Set(shard.pages.map((page) => page.lang))].sort()) {
      const anchor = path.join(stage, BUNDLE_DIR, lang, "index.html");
      mkdirSync(path.dirname(anchor), { recursive: true });
      writeFileSync(anchor, sortAnchorPage(lang));
    }
  }
  return stage;
}

/** The page that sorts before every article in a shard's date order; its one word is never searched for. */
function sortAnchorPage(lang: string): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><title></title></head><body>` +
    `<p data-pagefind-body data-pagefind-sort="${DATE_SORT_KEY}:${SORT_ANCHOR_VALUE}">${SORT_ANCHOR_WORD}</p></body></html>`
  );
}

/** Fails unless Pagefind indexed every page of the shard, in the language it was given. */
async function checkPageCounts(shard: ShardPlan<ArticlePage>, outputPath: string, sharded: boolean): Promise<void> {
  const expected = new Map<string, number>();
  for (const page of shard.pages) expected.set(page.lang, (expected.get(page.lang) ?? 0) + 1);
  if (sharded) for (const [lang, count] of expected) expected.set(lang, count + 1);
  const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = new Map(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  const differ = [...new Set([...expected.keys(), ...indexed.keys()])]
    .filter((lang) => expected.get(lang) !== indexed.get(lang))
    .map((lang) => `${lang}: ${indexed.get(lang) ?? 0} indexed of ${expected.get(lang) ?? 0}`);
  if (differ.length > 0)
    throw new Error(`Pagefind did not index every page of shard ${shard.name}: ${differ.join("; ")}`);
}

async function removeUnusedFiles(bundle: string): Promise<void> {
  const names = await glob("*", { cwd: bundle, onlyFiles: true });
  await Promise.all(names.filter((name) => UNUSED_FILES.test(name)).map((name) => rm(path.join(bundle, name))));
}

/** Writes a file under a name carrying a hash of its content, so browsers may cache it for good; returns its URL. */
async function writeHashed(bundleRoot: string, base: string, stem: string, content: string): Promise<string> {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 12);
  const name = `${stem}.${hash}.json`;
  await mkdir(bundleRoot, { recursive: true });
  await writeFile(path.join(bundleRoot, name), content);
  return withBase(base, `${BUNDLE_DIR}/${name}`);
}
