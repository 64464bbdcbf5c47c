import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { ArticleFormatError, splitFrontMatter } from "./frontmatter.ts";
import { findControlCharacter, findExcessiveNesting, MAX_ARTICLE_BYTES } from "./limits.ts";
import { validateFrontMatter, type ArticleMeta } from "./schema.ts";
import { findVersionProblems } from "../versions/chain.ts";

/** One valid article as read from the archive. */
export interface LoadedArticle {
  meta: ArticleMeta;
  /** The Markdown body, as written. */
  body: string;
  /** Path relative to the working folder (absolute when outside it), with forward slashes. */
  file: string;
}

/** One problem in one file, with the field where there is one. */
export interface ArchiveProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** Everything read from an archive: the valid articles and every problem found. */
export interface ArchiveLoad {
  articles: LoadedArticle[];
  problems: ArchiveProblem[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Folder (inside the archive) that holds the articles. */
export const ARTICLES_DIR = "articles";

/**
 * Reads every file under `<archiveDir>/articles`, checks it and returns the valid
 * articles together with every problem, so that one run reports them all.
 */
export async function loadArchive(archiveDir: string): Promise<ArchiveLoad> {
  const root = path.join(archiveDir, ARTICLES_DIR);
  const files = (await glob("**/*", { cwd: root, dot: true, onlyFiles: true })).sort();
  const articles: LoadedArticle[] = [];
  const problems: ArchiveProblem[] = [];
  for (const relative of files) {
    const absolute = path.join(root, relative);
    const result = parseArticleFile(displayPath(absolute), await readFile(absolute));
    if ("article" in result) articles.push(result.article);
    else problems.push(...result.problems);
  }
  const duplicates = findDuplicateIds(articles);
  problems.push(...duplicates);
  problems.push(
    ...findVersionProblems(
      articles.map((article) => ({ ...article.meta, file: article.file })),
      (a) => a.file,
    ),
  );
  const clashing = new Set(duplicates.map((problem) => problem.file));
  return { articles: articles.filter((article) => !clashing.has(article.file)), problems };
}

/** A path as a maintainer would type it: relative to the working folder when inside it. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
}

/** Checks one file's bytes and returns its article or its problems. */
export function parseArticleFile(
  file: string,
  bytes: Uint8Array,
): { article: LoadedArticle } | { problems: ArchiveProblem[] } {
  if (!file.endsWith(".md")) {
    return { problems: [{ file, message: "not a Markdown file: only .md files belong in the articles folder" }] };
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      problems: [
        {
          file,
          message: `the file is ${size} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit: split it into parts`,
        },
      ],
    };
  }
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    return {
      problems: [
        {
          file,
          line: lineOfFirstBadByte(bytes),
          message: "the file is not UTF-8 text (it may be GBK or Big5): save it again as UTF-8",
        },
      ],
    };
  }
  const control = findControlCharacter(source);
  if (control) return { problems: [{ file, ...control }] };
  let split;
  try {
    split = splitFrontMatter(source);
  } catch (error) {
    if (error instanceof ArticleFormatError) {
      return {
        problems: [{ file, message: error.message, ...(error.line === undefined ? {} : { line: error.line }) }],
      };
    }
    throw error;
  }
  const checked = validateFrontMatter(split.data);
  if (!checked.ok) {
    return { problems: checked.problems.map(({ field, message }) => ({ file, field, message })) };
  }
  if (split.body.trim() === "") {
    return { problems: [{ file, message: "the article has no body text after the front matter" }] };
  }
  const nesting = findExcessiveNesting(split.body, split.bodyLine);
  if (nesting) return { problems: [{ file, ...nesting }] };
  return { article: { meta: checked.meta, body: split.body, file } };
}

function findDuplicateIds(articles: LoadedArticle[]): ArchiveProblem[] {
  const byId = new Map<string, string[]>();
  for (const { meta, file } of articles) byId.set(meta.id, [...(byId.get(meta.id) ?? []), file]);
  const problems: ArchiveProblem[] = [];
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file).join(", ");
      problems.push({
        file,
        field: "id",
        message: `duplicate id "${id}": also used by ${others}; every article needs its own id`,
      });
    }
  }
  return problems;
}

function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}

/** Formats problems one per line, as `file:line: field: message`, for terminals and build logs. */
export function formatProblems(problems: ArchiveProblem[]): string {
  return problems
    .map(({ file, line, field, message }) => `${file}${line ? `:${line}` : ""}: ${field ? `${field}: ` : ""}${message}`)
    .join("\n");
}
