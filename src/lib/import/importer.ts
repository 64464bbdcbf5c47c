import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { ARTICLES_DIR, loadArchive } from "../article/load.ts";
import { writeAtomic } from "../fs/atomic-write.ts";
import type { Script } from "../article/schema.ts";
import { finishDraft } from "./article.ts";
import { decodeInput } from "./decode.ts";
import { ImportError, type CleanupStats, type Draft } from "./draft.ts";
import { DuplicateIndex } from "./duplicates.ts";
import { readHtmlPage } from "./html.ts";
import { jsonlLines, readJsonlLine } from "./jsonl.ts";
import { localFiles, type LocalFile } from "./local-files.ts";
import { looksLikePolicyDocument, readPolicyDocument } from "./policy.ts";
import { readRawCopy } from "./raw.ts";
import { planVersionLinks, setSupersedes, type VersionCandidate } from "./versions.ts";
import { serializeArticle } from "../article/serialize.ts";
import type { ArticleMeta } from "../article/schema.ts";

/**
 * A whole import run: finds the input files, reads each article, checks it against
 * the archive (same id, or a duplicate in either script) and writes it. Every
 * outcome is reported as an event; nothing already in the archive is overwritten
 * unless asked, and a broken input never stops the others.
 */

/** The kinds of input the import reads. */
export type InputFormat = "raw" | "html" | "jsonl" | "markdown";

const EXTENSIONS: Record<string, InputFormat> = {
  ".txt": "raw",
  ".text": "raw",
  ".html": "html",
  ".htm": "html",
  ".shtml": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".md": "markdown",
  ".markdown": "markdown",
};

/** What the maintainer chose for the run. */
export interface ImportOptions {
  /** The archive folder (holding articles/). */
  archive: string;
  dryRun?: boolean;
  /** Replace an article that exists with the same id. */
  force?: boolean;
  /** Write articles that look like duplicates of archived ones. */
  allowDuplicates?: boolean;
  /** The script to record when a text does not show it. */
  script?: Script;
  /** Fields for every input (--set), used where the input does not give them. */
  fields?: Record<string, unknown>;
  /** Write articles that have a title and no body, with a note saying so. */
  keepTitleOnly?: boolean;
}

/** Where an event comes from: an input file, and the line for JSONL. */
export interface Origin {
  input: string;
  line?: number;
}

/** One outcome or message of the run. */
export type ImportEvent =
  | (Origin & {
      kind: "written";
      /** Path of the article file as given to the file system. */
      path: string;
      /** The file this one replaced (--force), when there was one. */
      replaced?: string;
      dryRun: boolean;
      /** The file's text. */
      text: string;
      stats: CleanupStats;
      /** The original has a title and no body; the article's body is a note saying so. */
      titleOnly: boolean;
      /** The id of the earlier version of the same document it was linked to. */
      supersedes?: string;
      /** Names of the files written beside it, in its folder. */
      files: string[];
    })
  | (Origin & {
      kind: "linked";
      /** An article of the archive whose `supersedes` was set to a version imported now (or removed). */
      path: string;
      supersedes: string | undefined;
      dryRun: boolean;
    })
  | (Origin & { kind: "skipped"; reason: string })
  | (Origin & { kind: "warning"; where?: string; message: string })
  | (Origin & { kind: "error"; message: string });

/** The totals of a run. */
export interface ImportSummary {
  written: number;
  replaced: number;
  skipped: number;
  warnings: number;
  errors: number;
  /** Articles written with a title and a note for their missing body (counted in written). */
  titleOnly: number;
  /** Inputs refused for having a title and no body (counted in errors). */
  titleOnlyRefused: number;
  /** Articles of the archive linked to a version imported now. */
  linked: number;
}

/** Callbacks for a run's progress and outcomes. */
export interface ImportHooks {
  /** Called once the inputs are read, with the number of articles to import. */
  start?: (total: number) => void;
  /** Called after each article (done of total). */
  progress?: (done: number, origin: Origin) => void;
  event: (event: ImportEvent) => void;
}

interface Unit extends Origin {
  read: () => Draft;
  /** A policy document: its versions are linked, and it is compared by title and day only. */
  document?: boolean;
}

/** The format of an input by its extension, or by a look at its text when the extension says nothing. */
export function formatOf(file: string, text?: string): InputFormat | undefined {
  const known = EXTENSIONS[path.extname(file).toLowerCase()];
  if (known || text === undefined) return known;
  const start = text.trimStart();
  if (/^<(?:!doctype|html|head|body|meta|p|div)\b/i.test(start)) return "html";
  if (start.startsWith("{")) return "jsonl";
  return "raw";
}

/**
 * Expands the paths given on the command line: files as they are, folders searched
 * (recursively, hidden files left out) for the kinds of input the import reads. Other
 * files found in a folder are listed as `unread`, except the files a browser saves
 * with a page (page_files/), which come in with the page.
 */
export async function expandInputs(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[]; unread: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const unread: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) missing.push(given);
    else if (info.isDirectory()) {
      const found = (await glob("**/*", { cwd: given, ignore: ["**/*_files/**"] })).sort();
      for (const file of found) (formatOf(file) ? files : unread).push(path.join(given, file));
    } else files.push(given);
  }
  return { files: [...new Set(files)], missing, unread };
}

/** Runs an import of the given files and folders into the archive. */
export async function runImport(
  paths: readonly string[],
  options: ImportOptions,
  hooks: ImportHooks,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    written: 0,
    replaced: 0,
    skipped: 0,
    warnings: 0,
    errors: 0,
    titleOnly: 0,
    titleOnlyRefused: 0,
    linked: 0,
  };
  const emit = (event: ImportEvent) => {
    if (event.kind === "written") {
      summary.written++;
      if (event.replaced !== undefined) summary.replaced++;
      if (event.titleOnly) summary.titleOnly++;
    } else if (event.kind === "linked") summary.linked++;
    else if (event.kind === "skipped") summary.skipped++;
    else if (event.kind === "warning") summary.warnings++;
    else summary.errors++;
    hooks.event(event);
  };

  const { files, missing, unread } = await expandInputs(paths);
  for (const input of missing) emit({ kind: "error", input, message: "no such file or folder" });
  for (const input of unread) {
    emit({
      kind: "skipped",
      input,
      reason: `not a kind of file the import reads (${Object.keys(EXTENSIONS).join(" ")}); a file to publish with an article goes in the article's folder (docs/articles.md)`,
    });
  }
  const units: Unit[] = [];
  for (const input of files) {
    try {
      const read = await readUnits(input);
      if ("skip" in read) emit({ kind: "skipped", input, reason: read.skip });
      else units.push(...read);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      emit({ kind: "error", input, ...(error.line === undefined ? {} : { line: error.line }), message: error.message });
    }
  }
  hooks.start?.(units.length);

  const archive = await openArchive(options.archive);
  if (archive.problems > 0) {
    emit({
      kind: "warning",
      input: options.archive,
      message: `${archive.problems} file${archive.problems > 1 ? "s" : ""} in the archive could not be read and ${archive.problems > 1 ? "are" : "is"} not checked for duplicates: run npm run check`,
    });
  }
  const writtenNow = new Set<string>();
  const folders = new Set<string>();
  // Policy documents are written once all are read, when the versions of each title can be linked.
  const documents: WriteJob[] = [];
  let done = 0;
  for (const unit of units) {
    const origin: Origin = unit.line === undefined ? { input: unit.input } : { input: unit.input, line: unit.line };
    try {
      const job = checkUnit(unit, origin);
      if (job?.meta) documents.push(job);
      else if (job) await write(job);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      emit({
        kind: "error",
        ...origin,
        ...(error.line === undefined ? {} : { line: error.line }),
        message: error.message,
      });
    }
    hooks.progress?.(++done, origin);
  }
  await linkAndWriteDocuments();
  return summary;

  // Chains the versions of each title by date, among the documents of this run and the archive's.
  async function linkAndWriteDocuments(): Promise<void> {
    const candidates: VersionCandidate[] = [
      // A replaced version is matched by id: it may live elsewhere than the new copy (in a folder of its own).
      ...archive.documents.filter((document) => !documents.some((job) => job.meta!.id === document.id)),
      ...documents.map((job) => ({
        id: job.meta!.id,
        title: job.meta!.title,
        date: job.meta!.date.iso,
        supersedes: job.meta!.supersedes,
        isNew: true,
      })),
    ];
    const links = new Map(planVersionLinks(candidates).map((link) => [link.id, link]));
    for (const job of documents) {
      const link = links.get(job.meta!.id);
      if (link) {
        const meta = { ...job.meta!, supersedes: link.supersedes };
        job.text = serializeArticle(meta, job.body!);
        if (link.supersedes !== undefined) job.supersedes = link.supersedes;
      }
      await write(job);
    }
    for (const link of links.values()) {
      if (link.isNew) continue;
      const file = archive.documents.find((document) => document.id === link.id)?.file;
      if (file === undefined) continue;
      if (!options.dryRun) await writeAtomic(file, setSupersedes(await readFile(file, "utf8"), link.supersedes));
      emit({ kind: "linked", input: file, path: file, supersedes: link.supersedes, dryRun: Boolean(options.dryRun) });
    }
  }

  // Reads one article and checks it against the archive; returns what to write, or nothing when it is skipped.
  function checkUnit(unit: Unit, origin: Origin): WriteJob | undefined {
    const draft = unit.read();
    const finished = finishDraft(draft, {
      ...(options.script ? { script: options.script } : {}),
      ...(options.fields ? { fields: options.fields } : {}),
      keepTitleOnly: Boolean(options.keepTitleOnly),
    });
    if (!finished.ok) {
      for (const warning of draft.warnings) emitWarning(origin, warning);
      if (finished.titleOnly) summary.titleOnlyRefused++;
      throw new ImportError(`cannot import: ${finished.problems.join("; ")}`, origin.line);
    }
    const { article } = finished;
    // An article that brings files gets a folder of its own, holding it and them.
    const files = draft.files ?? [];
    const placed = path.join(
      options.archive,
      files.length > 0 ? article.file.replace(/\.md$/, "/index.md") : article.file,
    );
    const existing = archive.ids.get(article.meta.id) ?? (existsSync(placed) ? display(placed) : undefined);
    // Replacing an article that has a folder of its own writes it there, so the files beside it stay its own.
    const target = existing?.endsWith("/index.md") ? path.resolve(existing) : placed;
    const shown = display(target);
    if (existing !== undefined && writtenNow.has(existing)) {
      emit({
        kind: "skipped",
        ...origin,
        reason: `an earlier input of this run has the same id (${article.meta.id}, ${existing}): same day, source and headline`,
      });
      return undefined;
    }
    if (existing !== undefined && !options.force) {
      emit({
        kind: "skipped",
        ...origin,
        reason: `${existing} already exists (id ${article.meta.id}); use --force to replace it`,
      });
      return undefined;
    }
    // A policy document's opening history lines are shared by documents adopted at one session: its title tells it apart.
    const comparable = {
      title: article.meta.title,
      day: article.meta.date.day,
      body: unit.document ? "" : article.body,
    };
    if (existing === undefined && !options.allowDuplicates) {
      const duplicate = archive.index.find(comparable);
      if (duplicate) {
        const otherScript = archive.scripts.get(duplicate.file);
        const scriptNote =
          otherScript && otherScript !== article.meta.script ? `, in the other script (${otherScript})` : "";
        emit({
          kind: "skipped",
          ...origin,
          reason: `looks like ${duplicate.file} (${duplicate.reason}${scriptNote}); use --allow-duplicates to import it anyway`,
        });
        return undefined;
      }
    }
    // Warnings matter only for what is written: a skipped input's article was reviewed when it came in.
    for (const warning of article.warnings) emitWarning(origin, warning);
    // Recorded before writing, so later inputs of this run are checked against this article too (also in a dry run).
    if (existing !== undefined) archive.index.remove(existing);
    archive.ids.set(article.meta.id, shown);
    archive.scripts.set(shown, article.meta.script);
    archive.index.add(shown, comparable);
    writtenNow.add(shown);
    return {
      origin,
      target,
      shown,
      text: article.text,
      stats: draft.stats,
      titleOnly: article.titleOnly,
      ...(existing === undefined ? {} : { replaced: existing }),
      ...(unit.document ? { meta: article.meta, body: article.body } : {}),
      files,
    };
  }

  function emitWarning(origin: Origin, warning: { line?: number; where?: string; message: string }): void {
    const line = warning.line ?? origin.line;
    emit({
      kind: "warning",
      input: origin.input,
      ...(line === undefined ? {} : { line }),
      ...(warning.where === undefined ? {} : { where: warning.where }),
      message: warning.message,
    });
  }

  async function write(job: WriteJob): Promise<void> {
    const event = {
      kind: "written" as const,
      ...job.origin,
      path: job.target,
      dryRun: Boolean(options.dryRun),
      text: job.text,
      stats: job.stats,
      titleOnly: job.titleOnly,
      ...(job.replaced === undefined ? {} : { replaced: job.replaced }),
      ...(job.supersedes === undefined ? {} : { supersedes: job.supersedes }),
      files: job.files.map((file) => file.name),
    };
    if (options.dryRun) {
      emit(event);
      return;
    }
    const folder = path.dirname(job.target);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    // The files an article links to first, and the article last: a stopped import leaves each
    // file as it was or whole, and an article that is there has everything it links to, while
    // one that is not is imported again by the next run.
    for (const file of job.files) await writeAtomic(path.join(folder, file.name), file.bytes);
    try {
      await writeAtomic(job.target, job.text, { exclusive: job.replaced === undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      emit({
        kind: "skipped",
        ...job.origin,
        reason: `${display(job.target)} appeared while importing; use --force to replace it`,
      });
      return;
    }
    // Replacing an article whose date changed moves it: the old file goes, or its id would be in the archive twice.
    if (job.replaced !== undefined && job.replaced !== job.shown) await rm(job.replaced, { force: true });
    emit(event);
  }
}

/** An article checked and ready to be written. */
interface WriteJob {
  origin: Origin;
  /** Path of the file to write. */
  target: string;
  /** The same path as messages show it (and the archive's articles are named). */
  shown: string;
  text: string;
  stats: CleanupStats;
  titleOnly: boolean;
  /** The article file it replaces, as shown. */
  replaced?: string;
  /** A policy document's fields and body, for linking its versions before it is written. */
  meta?: ArticleMeta;
  body?: string;
  /** The earlier version it was linked to. */
  supersedes?: string;
  /** Files to write beside it, in its own folder. */
  files: LocalFile[];
}

/** Reads an input file and splits it into articles (one, or one per JSONL line); or says why the file is skipped. */
async function readUnits(input: string): Promise<Unit[] | { skip: string }> {
  const bytes = await readFile(input).catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(`cannot read the file (${error.code ?? error.message})`);
  });
  const byExtension = formatOf(input);
  const text = decodeInput(bytes, { html: byExtension === "html" || byExtension === undefined, name: input });
  const format = byExtension ?? formatOf(input, text) ?? "raw";
  if (format === "jsonl")
    return jsonlLines(text).map((line) => ({ input, line: line.line, read: () => readJsonlLine(line) }));
  if (format === "markdown") {
    // A site generator's section index (Hugo's _index.md) holds front matter and nothing else.
    if (/^---\n[\s\S]*?\n---\s*$/.test(text.replace(/\r\n?/g, "\n")))
      return { skip: "front matter and no text: not a document (a site generator's section index, say)" };
    return [{ input, document: true, read: () => readPolicyDocument(text, input, true) }];
  }
  if (format === "raw" && looksLikePolicyDocument(text))
    return [{ input, document: true, read: () => readPolicyDocument(text, input, false) }];
  if (format === "html") {
    return [
      {
        input,
        read: () => {
          const local = localFiles(input);
          const draft = readHtmlPage(text, local.resolve);
          return { ...draft, warnings: [...draft.warnings, ...local.warnings], files: local.files };
        },
      },
    ];
  }
  return [{ input, read: () => readRawCopy(text) }];
}

/** What the run needs to know about the archive: ids, duplicate keys and scripts of its articles, by file as shown. */
async function openArchive(archive: string): Promise<{
  ids: Map<string, string>;
  index: DuplicateIndex;
  scripts: Map<string, Script>;
  documents: (VersionCandidate & { file: string })[];
  problems: number;
}> {
  const ids = new Map<string, string>();
  const index = new DuplicateIndex();
  const scripts = new Map<string, Script>();
  const documents: (VersionCandidate & { file: string })[] = [];
  if (!existsSync(path.join(archive, ARTICLES_DIR))) return { ids, index, scripts, documents, problems: 0 };
  const loaded = await loadArchive(archive);
  for (const { meta, body, file } of loaded.articles) {
    ids.set(meta.id, file);
    scripts.set(file, meta.script);
    index.add(file, { title: meta.title, day: meta.date.day, body });
    if (isPolicyDocument(meta)) {
      documents.push({
        id: meta.id,
        title: meta.title,
        date: meta.date.iso,
        supersedes: meta.supersedes,
        isNew: false,
        file,
      });
    }
  }
  return { ids, index, scripts, documents, problems: new Set(loaded.problems.map((problem) => problem.file)).size };
}

/** Whether an archived article is a policy document, whose versions the import links: it has a document's fields. */
function isPolicyDocument(meta: ArticleMeta): boolean {
  return [meta.document_type, meta.document_number, meta.issuers, meta.effective, meta.status, meta.supersedes].some(
    (value) => value !== undefined,
  );
}

/** A path for messages, as loadArchive names files: relative to the working folder when inside it, with forward slashes. */
export function display(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join("/");
}
