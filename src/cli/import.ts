import { SingleBar } from "cli-progress";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ImportEvent, ImportOptions, ImportSummary, Origin } from "../lib/import/importer.ts";
import { parseRunFields } from "../lib/import/run-fields.ts";

/**
 * npm run import -- [options] <file or folder>...
 * The maintainer's import command: a thin shell over src/lib/import (argument
 * parsing, progress and printing). Exit status 0 when all went well, 1 when any
 * input failed, 2 for a usage error.
 */

const HELP = `Usage: npm run import -- [options] <file or folder>...

Imports articles into the archive, one Markdown file per article in
<archive>/articles/YYYY/MM/<id>.md, in the script of the original.

Inputs (folders are searched for these files):
  .txt           text copied from a web page: breadcrumb, headline lines,
                 source/author/time line, paragraphs, (责编：…) at the end
  .html .htm     a web page saved from the browser
  .jsonl         one article per line, a JSON object with the article fields
                 and a "body" (Markdown or HTML), for moving an archive in bulk
  .md            a law, regulation or other policy document: title line,
                 history lines (adopted, amended, in force), then chapters
                 (第一章) and articles (第一条); a .txt of that shape too.
                 Versions of one title are linked by supersedes, by date

The copied text is cleaned: pinyin left after characters (當(dāng)前) is
removed, half-width punctuation in Chinese text becomes full width, stray
spaces and invisible characters go. Text damaged by a wrong encoding is
reported as a warning with its file and line, never repaired.

Options:
  --archive <dir>      the archive folder (default: content)
  --dry-run            print the files that would be written; write nothing
  --force              replace an article that already exists with the same id
  --allow-duplicates   import articles that look like ones already in the
                       archive (same title and day, or same opening text,
                       in either script)
  --script <hans|hant> the script to record for a text that does not show it
  --set <field=value>  a front matter field for every input that does not give
                       it itself (repeatable): --set date=2017-12-04
                       --set source=新华网 --set 'authors=[李全宏, 王成]'.
                       What an input says wins over --set.
  --keep-title-only    write an article that has a title and no body (a
                       video report in a feed) with a note saying so as its
                       text; without it such an input is an error
  --quiet              print the summary only (and errors, on stderr)
  -h, --help           show this help

Nothing in the archive is overwritten without --force. Exit status: 0 when
every input was imported or safely skipped, 1 when any input failed, 2 for a
usage error. See docs/import.md.`;

/** More inputs than this get a progress bar (on a terminal) or progress lines. */
const A_FEW = 5;

function usageError(message: string): never {
  process.stderr.write(`import: ${message}\nRun npm run import -- --help for usage.\n`);
  process.exit(2);
}

function parse(): { paths: string[]; options: ImportOptions; quiet: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        archive: { type: "string", default: "content" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        "allow-duplicates": { type: "boolean", default: false },
        script: { type: "string" },
        set: { type: "string", multiple: true, default: [] },
        "keep-title-only": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  if (positionals.length === 0) usageError("no input: give one or more files or folders to import");
  if (values.script !== undefined && values.script !== "hans" && values.script !== "hant") {
    usageError(`--script must be hans or hant, not "${values.script}"`);
  }
  if (values.archive.trim() === "") usageError("--archive needs a folder");
  const fields = parseRunFields(values.set);
  if (!fields.ok) usageError(fields.problems.join("\nimport: "));
  const options: ImportOptions = {
    archive: values.archive,
    dryRun: values["dry-run"],
    force: values.force,
    allowDuplicates: values["allow-duplicates"],
    keepTitleOnly: values["keep-title-only"],
    ...(values.script === undefined ? {} : { script: values.script }),
    ...(Object.keys(fields.fields).length > 0 ? { fields: fields.fields } : {}),
  };
  return { paths: positionals, options, quiet: values.quiet };
}

function where(origin: Origin & { where?: string }): string {
  return `${origin.input}${origin.line === undefined ? "" : `:${origin.line}`}${origin.where ? ` (${origin.where})` : ""}`;
}

function changes(stats: { pinyin: number; punctuation: number }, titleOnly: boolean): string {
  const parts: string[] = titleOnly ? ["a title and no body: written with a note saying so"] : [];
  if (stats.pinyin > 0) parts.push(`${stats.pinyin} pinyin annotation${stats.pinyin > 1 ? "s" : ""} removed`);
  if (stats.punctuation > 0)
    parts.push(`${stats.punctuation} punctuation mark${stats.punctuation > 1 ? "s" : ""} made full width`);
  return parts.length > 0 ? `; ${parts.join(", ")}` : "";
}

/** Formats an event as [stream, text]. */
function format(
  event: ImportEvent,
  quiet: boolean,
  display: (file: string) => string,
): [NodeJS.WriteStream, string] | undefined {
  if (quiet && event.kind !== "error") return undefined;
  switch (event.kind) {
    case "written": {
      const verb = event.dryRun
        ? event.replaced
          ? "would replace"
          : "would write"
        : event.replaced
          ? "replaced"
          : "wrote";
      const version = event.supersedes === undefined ? "" : `; supersedes ${event.supersedes}`;
      const files =
        event.files.length === 0
          ? ""
          : `; with ${event.files.length} file${event.files.length > 1 ? "s" : ""} it links to`;
      const head = `${verb} ${display(event.path)} (from ${where(event)}${changes(event.stats, event.titleOnly)}${version}${files})`;
      if (event.dryRun) return [process.stdout, `${head}:\n${event.text}\n`];
      return [process.stdout, `${head}\n`];
    }
    case "linked": {
      const verb = event.dryRun ? "would link" : "linked";
      const link =
        event.supersedes === undefined ? "no longer supersedes anything" : `now supersedes ${event.supersedes}`;
      return [process.stdout, `${verb} ${display(event.path)}: ${link} (a version imported now is earlier)\n`];
    }
    case "skipped":
      return [process.stdout, `skipped ${where(event)}: ${event.reason}\n`];
    case "warning":
      return [process.stderr, `warning: ${where(event)}: ${event.message}\n`];
    case "error":
      return [process.stderr, `error: ${where(event)}: ${event.message}\n`];
  }
}

function summaryLine(summary: ImportSummary, dryRun: boolean): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const written = dryRun ? `${summary.written} would be written` : `${summary.written} written`;
  const notes = [
    summary.replaced > 0 ? `${summary.replaced} replacing existing articles` : "",
    summary.titleOnly > 0 ? `${summary.titleOnly} with a title only, and a note saying so` : "",
  ].filter((note) => note !== "");
  const linked = summary.linked > 0 ? `, ${summary.linked} ${dryRun ? "would be " : ""}linked to new versions` : "";
  const writtenNotes = notes.length > 0 ? ` (${notes.join(", ")})` : "";
  const refused =
    summary.titleOnlyRefused > 0
      ? ` (${summary.titleOnlyRefused} with a title and no body: --keep-title-only writes them)`
      : "";
  return `Summary: ${written}${writtenNotes}${linked}, ${summary.skipped} skipped, ${plural(summary.warnings, "warning")}, ${plural(summary.errors, "error")}${refused}${dryRun ? " (dry run: nothing was written)" : ""}\n`;
}

async function main(): Promise<void> {
  // Piped into head or less that quit early: stop quietly instead of crashing on EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const { paths, options, quiet } = parse();
  // Loaded after the arguments are checked, so that --help and usage errors answer at once.
  const { display, runImport } = await import("../lib/import/importer.ts");
  if (!options.dryRun) {
    const { lockArchive } = await import("../lib/build/locks.ts");
    const { removePartialWrites } = await import("../lib/fs/atomic-write.ts");
    const { ARTICLES_DIR } = await import("../lib/article/load.ts");
    mkdirSync(options.archive, { recursive: true });
    try {
      lockArchive(options.archive);
    } catch (error) {
      process.stderr.write(`import: ${(error as Error).message}\n`);
      process.exit(1);
    }
    // Under the lock, what a stopped command left half-written is nobody's work in progress.
    const removed = await removePartialWrites(path.join(options.archive, ARTICLES_DIR));
    if (removed.length > 0 && !quiet) {
      process.stderr.write(
        `removed ${removed.length} unfinished write(s) a stopped command left: ${removed.map(display).join(", ")}\n`,
      );
    }
  }
  let bar: SingleBar | undefined;
  let step = 0;
  let total = 0;
  const held: [NodeJS.WriteStream, string][] = [];
  const summary = await runImport(paths, options, {
    start(count) {
      total = count;
      if (count <= A_FEW || quiet) return;
      if (process.stderr.isTTY) {
        bar = new SingleBar({
          stream: process.stderr,
          format: "importing [{bar}] {value}/{total} {input}",
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(count, 0, { input: "" });
      } else {
        step = Math.max(1, Math.ceil(count / 10));
        process.stderr.write(`importing ${count} articles\n`);
      }
    },
    progress(done, origin) {
      if (bar) bar.update(done, { input: origin.input });
      else if (step > 0 && (done % step === 0 || done === total)) process.stderr.write(`progress: ${done}/${total}\n`);
    },
    event(event) {
      const out = format(event, quiet, display);
      if (!out) return;
      // While the bar is drawn, messages wait: interleaved they would break it.
      if (bar) held.push(out);
      else out[0].write(out[1]);
    },
  });
  bar?.stop();
  for (const [stream, text] of held) stream.write(text);
  process.stdout.write(summaryLine(summary, Boolean(options.dryRun)));
  process.exitCode = summary.errors > 0 ? 1 : 0;
}

await main();
