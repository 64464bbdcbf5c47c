import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { glob } from "tinyglobby";
import type { Rule } from "../script/rules.ts";
import { TO_HANS, TO_HANT } from "../script/direction.ts";
import { DATE_SORT_KEY } from "./filters.ts";
import { manifestUrl, SEARCH_LANGUAGES, type SearchLanguage, type SearchManifest } from "./manifest.ts";
import { openccSteps, type OpenccSteps } from "./opencc-steps.ts";
import { pageFacts, pageText } from "./page.ts";
import { buildQueryTable, tablePatterns, triggerCharacters } from "./query-table.ts";
import { planShards, SORT_ANCHOR_VALUE, SORT_ANCHOR_WORD, type ShardPlan } from "./shards.ts";
import { encodeCharacterSet } from "./trigger.ts";
import { VocabularyScanner } from "./vocabulary.ts";

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
  /** Most pages in one Pagefind index; more pages are split into date-ordered shards. */
  shardPages: number;
  /** The override rules in force for each conversion direction (the project's converters' rules). */
  rules: { toHant: readonly Rule[]; toHans: readonly Rule[] };
  /** Progress messages. */
  log?: (message: string) => void;
  /** Called when a shard is indexed, before its Pagefind process is stopped (benchmarks read its memory here). */
  afterShard?: (report: ShardReport) => void | Promise<void>;
}

/** What indexing one shard did. */
export interface ShardReport {
  name: string;
  pages: number;
  seconds: number;
}

/** What an indexing run did. */
export interface IndexReport {
  /** Pages indexed per language (zh-hans, zh-hant). */
  pages: Record<string, number>;
  shards: ShardReport[];
  seconds: number;
}

interface ArticlePage {
  file: string;
  url: string;
  lang: string;
  sortValue: string;
}

/**
 * Indexes every article page of a built site with Pagefind and writes the bundles, the
 * query conversion tables and one manifest per script under /pagefind/. Throws, naming
 * the pages, when a page cannot be indexed: a page missing from search is a bug.
 */
export async function buildSearchIndex(options: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const bundleRoot = path.join(options.siteDir, BUNDLE_DIR);
  await rm(bundleRoot, { recursive: true, force: true });

  const steps = { toHant: openccSteps(TO_HANT), toHans: openccSteps(TO_HANS) };
  const vocabulary = new VocabularyScanner(tablePatterns([steps.toHant, steps.toHans]));
  const pages = await readArticlePages(options.siteDir, vocabulary);
  const shards = planShards(pages, options.shardPages);
  log(`${pages.length} article pages in ${shards.length} shard(s) of at most ${options.shardPages} pages`);

  const reports: ShardReport[] = [];
  for (const shard of shards) {
    reports.push(await indexShard(shard, { ...options, bundleRoot, sharded: shards.length > 1, log }));
  }

  const counts: Record<string, number> = {};
  for (const language of SEARCH_LANGUAGES) {
    counts[language.tag] = pages.filter((page) => page.lang === language.tag).length;
    await writeReaderFiles(language, shards, { ...options, bundleRoot, steps, vocabulary });
  }
  return { pages: counts, shards: reports, seconds: (performance.now() - started) / 1000 };
}

interface ReaderContext extends IndexOptions {
  bundleRoot: string;
  steps: { toHant: OpenccSteps; toHans: OpenccSteps };
  vocabulary: VocabularyScanner;
}

/** Writes what the search page of one script fetches: its manifest and the table for queries typed in the other script. */
async function writeReaderFiles(
  language: SearchLanguage,
  shards: readonly ShardPlan<ArticlePage>[],
  context: ReaderContext,
): Promise<void> {
  const toReader = language.script === "hans" ? "toHans" : "toHant";
  const occurs = (text: string): boolean => context.vocabulary.has(text);
  const steps = context.steps[toReader];
  const rules = context.rules[toReader];
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
              writeHashed(context.bundleRoot, `lexicon-${language.tag}-${index}`, JSON.stringify(part)),
            ),
          ),
        },
      }
    : built;
  const inLanguage = shards.filter((shard) => shard.pages.some((page) => page.lang === language.tag));
  const manifest: SearchManifest = {
    pages: inLanguage.reduce((sum, shard) => sum + shard.pages.filter((page) => page.lang === language.tag).length, 0),
    // Newest first: the first shard is the one Pagefind loads as its primary index.
    shards: inLanguage.map((shard) => `/${BUNDLE_DIR}/${shard.name}/`).reverse(),
    sortBase: context.shardPages + 1,
    table: await writeHashed(context.bundleRoot, `convert-${language.tag}`, JSON.stringify(table)),
    trigger: encodeCharacterSet(triggerCharacters(steps, rules, occurs)),
  };
  await writeFile(path.join(context.siteDir, manifestUrl(language.tag)), JSON.stringify(manifest));
}

/** Finds the article pages, checks each can be indexed, and feeds their text to the vocabulary scan. */
async function readArticlePages(siteDir: string, vocabulary: VocabularyScanner): Promise<ArticlePage[]> {
  const files = (await glob(ARTICLE_PAGES, { cwd: siteDir })).sort();
  const pages: ArticlePage[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), "utf8");
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
    vocabulary.scan(pageText(html));
    pages.push({ file, url: `/${path.posix.dirname(file)}/`, ...facts });
  }
  if (problems.length > 0) {
    throw new Error(`${problems.length} article page(s) cannot be indexed for search:\n${problems.join("\n")}`);
  }
  return pages;
}

interface ShardContext extends IndexOptions {
  bundleRoot: string;
  sharded: boolean;
  log: (message: string) => void;
}

/** Indexes one shard in a Pagefind process of its own, stopped afterwards so its memory is returned. */
async function indexShard(shard: ShardPlan<ArticlePage>, context: ShardContext): Promise<ShardReport> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const problems: string[] = [];
    // One page at a time, in a fixed order: Pagefind numbers pages in the order they
    // arrive, so concurrent adds would make two builds of the same archive differ.
    for (const page of shard.pages) {
      const content = await readFile(path.join(context.siteDir, page.file), "utf8");
      const added = await index.addHTMLFile({ url: page.url, content });
      if (added.errors.length > 0) problems.push(`${page.file}: ${added.errors.join("; ")}`);
    }
    if (context.sharded) {
      // One record per language sorting before every page, so real pages take positions from 1 (see dateSortWeight).
      for (const lang of new Set(shard.pages.map((page) => page.lang))) {
        const added = await index.addCustomRecord({
          // A URL of its own per language: Pagefind keeps one record per URL.
          url: `/${BUNDLE_DIR}/${lang}/`,
          content: SORT_ANCHOR_WORD,
          language: lang,
          sort: { [DATE_SORT_KEY]: SORT_ANCHOR_VALUE },
        });
        if (added.errors.length > 0) problems.push(`sort anchor (${lang}): ${added.errors.join("; ")}`);
      }
    }
    if (problems.length > 0) {
      throw new Error(
        `Pagefind could not index ${problems.length} page(s) of shard ${shard.name}:\n${problems.join("\n")}`,
      );
    }
    const outputPath = path.join(context.bundleRoot, shard.name);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
    await removeUnusedFiles(outputPath);
    const report = { name: shard.name, pages: shard.pages.length, seconds: (performance.now() - started) / 1000 };
    context.log(`shard ${shard.name}: ${report.pages} pages indexed in ${report.seconds.toFixed(1)} s`);
    await context.afterShard?.(report);
    return report;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

async function removeUnusedFiles(bundle: string): Promise<void> {
  const names = await glob("*", { cwd: bundle, onlyFiles: true });
  await Promise.all(names.filter((name) => UNUSED_FILES.test(name)).map((name) => rm(path.join(bundle, name))));
}

/** Writes a file under a name carrying a hash of its content, so browsers may cache it for good; returns its URL. */
async function writeHashed(bundleRoot: string, stem: string, content: string): Promise<string> {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 12);
  const name = `${stem}.${hash}.json`;
  await mkdir(bundleRoot, { recursive: true });
  await writeFile(path.join(bundleRoot, name), content);
  return `/${BUNDLE_DIR}/${name}`;
}
