import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { ArticleFormatError, articleBody, splitFrontMatter } from "./frontmatter.ts";
import { findControlCharacter, findExcessiveNesting, MAX_ARTICLE_BYTES } from "./limits.ts";
import { validateFrontMatter, type ArticleMeta } from "./schema.ts";
import { findVersionProblems } from "../versions/chain.ts";
import { attachmentProblem, describeAttachment, relativeTargets, type Attachment } from "./attachments.ts";
import { fileIdentity } from "../build/file-identity.ts";
import { isPartialWrite } from "../fs/atomic-write.ts";
import { readFileNoFollow, readFileNoFollowSync } from "../fs/no-follow.ts";
import { listArchiveFiles } from "./archive-files.ts";

/** One valid article as read from the archive. */
export interface LoadedArticle {
  meta: ArticleMeta;
  /** The Markdown body, as written. */
  body: string;
  /** Path relative to the working folder (absolute when outside it), with forward slashes. */
  file: string;
  /** The files published with the article, from its own folder. */
  attachments: Attachment[];
  /** A hash of the file's bytes: what a page carrying the file as stored must be keyed by. */
  sourceHash: string;
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
  /** The identity of each valid article's file (src/lib/build/file-identity.ts), by its path. */
  identities: Map<string, string>;
  /** How many articles came from `kept` or `readBefore` instead of their files. */
  reused: number;
}

/**
 * The front matter an earlier build read from a file whose identity is still the one
 * given, if it has that: the loader then takes the file's body without parsing or
 * checking the file again.
 */
export type ReadBefore = (file: string, identity: string) => ArticleMeta | undefined;

/**
 * An article this process read earlier from a file known not to have changed since (the
 * dev server's watcher says which did), with that file's identity: taken as it is, without
 * looking at the file at all.
 */
export type KeptArticle = (file: string) => { article: LoadedArticle; identity: string } | undefined;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Folder (inside the archive) that holds the articles. */
export const ARTICLES_DIR = "articles";

/**
 * Reads every file under `<archiveDir>/articles`, checks it and returns the valid
 * articles together with every problem, so that one run reports them all. Articles that
 * `kept` or `readBefore` still has are taken from them; the checks that span the archive
 * (links, attachments, duplicate ids, versions) always run on every article.
 */
export async function loadArchive(
  archiveDir: string,
  readBefore?: ReadBefore,
  kept?: KeptArticle,
): Promise<ArchiveLoad> {
  const root = path.join(archiveDir, ARTICLES_DIR);
  const listed = listArchiveFiles(root, archiveDir);
  const articles: LoadedArticle[] = [];
  const problems: ArchiveProblem[] = listed.refused.map(({ absolute, message }) => ({
    file: displayPath(absolute),
    message,
  }));
  const identities = new Map<string, string>();
  let reused = 0;
  const markdownByFolder = new Map<string, string[]>();
  const files = listed.files.filter(({ absolute, relative }) => {
    if (!isPartialWrite(path.posix.basename(relative))) return true;
    problems.push({
      file: displayPath(absolute),
      message:
        "an unfinished write, left by a command stopped while it wrote a file here (an import, say): " +
        "the file it was writing is as it was before; delete this one",
    });
    return false;
  });
  // Paths as listed, for the folders articles and attachments share; files as read, links resolved.
  const realOf = new Map(files.map((found) => [found.relative, found.real]));
  for (const { relative, real } of files.filter((found) => found.relative.endsWith(".md"))) {
    const folder = path.posix.dirname(relative);
    const inFolder = markdownByFolder.get(folder);
    if (inFolder) inFolder.push(relative);
    else markdownByFolder.set(folder, [relative]);
    const file = displayPath(real);
    const known = kept?.(file);
    if (known) {
      // Attachments are listed again below, from the folder as it is now.
      articles.push({ ...known.article, attachments: [] });
      identities.set(file, known.identity);
      reused++;
      continue;
    }
    // Taken before reading: a file written meanwhile then has another identity next time, and is read again.
    const identity = fileIdentity(statSync(real));
    const before = readBefore?.(file, identity);
    if (before) reused++;
    // Read at once: one small file after another, synchronous reads take about half the time.
    const bytes = readFileNoFollowSync(real);
    const result = before
      ? {
          article: {
            meta: before,
            body: articleBody(utf8.decode(bytes)),
            file,
            attachments: [],
            sourceHash: sourceHash(bytes),
          },
        }
      : parseArticleFile(file, bytes);
    if ("article" in result) {
      articles.push(result.article);
      identities.set(file, identity);
    } else problems.push(...result.problems);
  }
  const articleByFile = new Map(articles.map((article) => [article.file, article]));
  // Names of every file beside each article, published or refused, so a refused file is not also reported missing.
  const besides = new Map<LoadedArticle, Set<string>>();
  for (const { relative, absolute, real } of files.filter((found) => !found.relative.endsWith(".md"))) {
    const file = displayPath(absolute);
    const markdown = markdownByFolder.get(path.posix.dirname(relative)) ?? [];
    if (markdown.length !== 1) {
      const where =
        markdown.length === 0 ? "there is no article in its folder" : `its folder holds ${markdown.length} articles`;
      problems.push({
        file,
        message: `not a Markdown file, and ${where}: a file that belongs to an article goes in a folder of its own, beside the article's one .md file`,
      });
      continue;
    }
    const owner = articleByFile.get(displayPath(realOf.get(markdown[0]!)!));
    if (!owner) continue;
    const name = path.posix.basename(relative);
    besides.set(owner, (besides.get(owner) ?? new Set()).add(name));
    const bytes = await readFileNoFollow(real);
    const problem = attachmentProblem(name, bytes);
    if (problem) problems.push({ file, message: problem });
    else owner.attachments.push(describeAttachment(name, real, bytes));
  }
  for (const article of articles) problems.push(...findLinkProblems(article, besides.get(article) ?? new Set()));
  const duplicates = findDuplicateIds(articles);
  problems.push(...duplicates);
  problems.push(
    ...findVersionProblems(
      articles.map((article) => ({ ...article.meta, file: article.file })),
      (a) => a.file,
    ),
  );
  const clashing = new Set(duplicates.map((problem) => problem.file));
  return { articles: articles.filter((article) => !clashing.has(article.file)), problems, identities, reused };
}

/** A path as a maintainer would type it, and as articles name their files: relative to the working folder when inside it. */
export function displayPath(absolute: string): string {
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
  if (bytes.length === 0) {
    return {
      problems: [
        {
          file,
          message:
            "the file is empty (0 bytes), as a write stopped before it began leaves it: restore it from git, or delete it",
        },
      ],
    };
  }
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    return { problems: [{ file, ...notUtf8Problem(bytes) }] };
  }
  if (source.trim() === "") {
    return {
      problems: [{ file, message: "the file holds only blank lines and spaces: restore it from git, or delete it" }],
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
  return { article: { meta: checked.meta, body: split.body, file, attachments: [], sourceHash: sourceHash(bytes) } };
}

/** The hash of a file's bytes (or of its text, the same bytes in UTF-8) that keys what carries the file as stored. */
export function sourceHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/** Relative links to files that are not in the article's folder, and files there that nothing links to. */
function findLinkProblems(article: LoadedArticle, present: ReadonlySet<string>): ArchiveProblem[] {
  const targets = relativeTargets(article.body);
  const folder = path.posix.dirname(article.file);
  return [
    ...targets
      .filter((target) => !present.has(target))
      .map((target) => ({
        file: article.file,
        message: `links to "${target}", which is not a file in the article's folder: add the file beside the article, or correct the link`,
      })),
    ...article.attachments
      .filter((attachment) => !targets.includes(attachment.name))
      .map((attachment) => ({
        file: `${folder}/${attachment.name}`,
        message: `not linked from the article: link it from the text, such as [附件](${attachment.name}), or remove it`,
      })),
  ];
}

function findDuplicateIds(articles: LoadedArticle[]): ArchiveProblem[] {
  const byId = new Map<string, string[]>();
  for (const { meta, file } of articles) {
    const files = byId.get(meta.id);
    if (files) files.push(file);
    else byId.set(meta.id, [file]);
  }
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

/** Bytes git's rule for binary files looks at: a NUL among the first of them marks a file as not text. */
const BINARY_SNIFF_BYTES = 8000;

/** Why bytes that are not UTF-8 are no article: a binary file, a file cut off mid-character, or another encoding. */
function notUtf8Problem(bytes: Uint8Array): { line?: number; message: string } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return {
      message:
        "a binary file (an image, a PDF or a Word file renamed, say), not Markdown text: an article is a UTF-8 " +
        "text file; a file published with an article goes beside it under its own name",
    };
  }
  const line = lineOfFirstBadByte(bytes);
  if (endsMidCharacter(bytes)) {
    return {
      line,
      message:
        "the file ends in the middle of a character: it looks cut off (truncated) while it was written; " +
        "restore it from git or import it again",
    };
  }
  return { line, message: "the file is not UTF-8 text (it may be GBK or Big5): save it again as UTF-8" };
}

/** Whether the only bytes that are not UTF-8 are an unfinished character at the very end. */
function endsMidCharacter(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const tail = bytes.subarray(bytes.length - cut);
    const head = bytes.subarray(0, bytes.length - cut);
    // A lead byte of a longer sequence among the last bytes, and valid text before it.
    if ((tail[0]! & 0xc0) === 0xc0) {
      try {
        utf8.decode(head);
        return true;
      } catch {
        return false;
      }
    }
  }
  return false;
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
