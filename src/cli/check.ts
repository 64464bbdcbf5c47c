import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblems, loadArchive, type LoadedArticle } from "../lib/article/load.ts";
import {
  entityCorrectionsPath,
  FoundSummary,
  kindsToFind,
  loadEntityCorrections,
  NO_CORRECTIONS,
  plainText,
  sharedFinder,
} from "../lib/entities/index.ts";
import { otherScript } from "../i18n/strings.ts";
import { converterFor } from "../lib/article/view.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import { sourcesProblems } from "../lib/sources/validate.ts";
import {
  ArchiveAmbiguities,
  createConverter,
  TO_HANS,
  formatAmbiguityReport,
  reportableMarkdown,
  reportAmbiguities,
  type Converter,
} from "../lib/script/index.ts";

const HELP = `Usage: npm run check -- [--archive <dir>] [--quiet] [--no-conversion] [--no-entities] [--conversion-detail] [--top <n>]

Checks every article in the archive and lists every problem at once:
empty, binary or cut-off files and files not UTF-8, unfinished writes
left by a stopped command, symbolic links leading outside the archive,
malformed front matter, missing or mistyped
fields, impossible dates, duplicate ids, broken version links
(supersedes), files beside an article that are missing, unlinked,
oversized or unsafe, a bad conversion.yaml, lines of the source checks
ledger (sources/checks.jsonl) that are not checks and captures that
cannot be read. Exits with status 1 when
anything is wrong, 0 when the archive is ready to build.

It then reports the conversion decisions the engine is unsure of across
the whole archive, one line per phrase with its number of places and an
example, most places first, and the learned words, names and rules that
fired, so that rules can be added; see docs/conversion.md. This report is
advice and does not fail the check.

Last it summarises the people, places and organisations the build will find
in the text of articles whose front matter lists none, in a few lines, the
least certain names first; see docs/entities.md. A bad entities.yaml is a
problem.

Options:
  --archive <dir>       the archive folder (default: $ARCHIVE_DIR or ./content)
  --quiet               print the summary line only (the exit status still says
                        whether anything is wrong)
  --no-conversion       skip the conversion report
  --no-entities         skip the summary of names found in the text
  --conversion-detail   instead, every ambiguous character of every article, in context
  --top <n>             phrases and firings listed in the archive report (default 100)
  -h, --help            show this help`;

/** The text of an article as the conversion report reads it, and its converter (none when not converted). */
async function reportInput(
  article: LoadedArticle,
  archive: string,
): Promise<{ text: string; converter: Converter } | undefined> {
  const converter = converterFor(article.meta, otherScript(article.meta.script), archive);
  if (!converter) return undefined;
  // The whole file, so that line numbers in the report are the file's own.
  return { text: reportableMarkdown(await readFile(path.resolve(article.file), "utf8")), converter };
}

/** Runs the check and returns the exit status. */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        archive: { type: "string" },
        quiet: { type: "boolean", default: false },
        conversion: { type: "boolean", default: true },
        entities: { type: "boolean", default: true },
        "conversion-detail": { type: "boolean", default: false },
        top: { type: "string", default: "100" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const dir = path.resolve(values.archive ?? process.env["ARCHIVE_DIR"] ?? "content");
  const setupProblems: string[] = [];
  try {
    loadSiteConfig(dir);
  } catch (error) {
    setupProblems.push((error as Error).message);
  }
  const { articles, problems } = await loadArchive(dir);
  const sources = sourcesProblems(dir);
  problems.push(...sources.problems);
  let reported = 0;
  const archiveReport = new ArchiveAmbiguities();
  const detail = values["conversion-detail"];
  if (values.conversion && !values.quiet) {
    for (const article of articles) {
      try {
        const input = await reportInput(article, dir);
        if (!input) continue;
        if (!detail) {
          archiveReport.add(path.relative(process.cwd(), article.file), input.text, input.converter);
          continue;
        }
        const report = formatAmbiguityReport(reportAmbiguities(input.text, input.converter));
        if (report === "") continue;
        reported++;
        console.log(`${article.file}\n${report.replace(/^/gm, "  ")}\n`);
      } catch (error) {
        // A bad conversion.yaml fails every article the same way: say it once.
        setupProblems.push((error as Error).message);
        break;
      }
    }
    if (!detail) console.log(`${archiveReport.format(Math.max(1, Number(values.top) || 100))}\n`);
  }
  let corrections = NO_CORRECTIONS;
  try {
    const toHans = createConverter(TO_HANS);
    corrections = loadEntityCorrections(entityCorrectionsPath(dir), (text) => toHans.convert(text));
  } catch (error) {
    setupProblems.push((error as Error).message);
  }
  if (values.entities && !values.quiet && corrections.find) {
    const finder = sharedFinder(corrections);
    const toHans = createConverter(TO_HANS);
    const summary = new FoundSummary();
    for (const { meta, body } of articles) {
      const kinds = kindsToFind(meta);
      if (kinds.length === 0) continue;
      const text = plainText(body);
      summary.add(meta.id, finder.mentions(meta.script === "hant" ? toHans.convert(text) : text), kinds);
    }
    console.log(`${summary.format()}\n`);
  }
  if (!values.quiet) {
    for (const problem of new Set(setupProblems)) console.error(problem);
    if (problems.length > 0) console.error(formatProblems(problems));
    for (const note of sources.notes) console.error(`note: ${note}`);
  }
  const badFiles = new Set(problems.map((problem) => problem.file)).size;
  const total = problems.length + new Set(setupProblems).size;
  console.log(
    `${articles.length} valid article(s); ${total} problem(s)${badFiles ? ` in ${badFiles} file(s)` : ""}` +
      `${!values.conversion || !detail ? "" : `; ${reported} article(s) with conversion notes`}. Archive: ${dir}`,
  );
  return total > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
