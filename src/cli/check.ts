import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblems, loadArchive, type LoadedArticle } from "../lib/article/load.ts";
import { otherScript } from "../i18n/strings.ts";
import { converterFor } from "../lib/article/view.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import { formatAmbiguityReport, reportableMarkdown, reportAmbiguities } from "../lib/script/index.ts";

const HELP = `Usage: npm run check -- [--archive <dir>] [--no-conversion]

Checks every article in the archive and lists every problem at once:
files that are not UTF-8, malformed front matter, missing or mistyped
fields, impossible dates, duplicate ids, broken version links
(supersedes), files beside an article that are missing, unlinked,
oversized or unsafe, a bad conversion.yaml. Exits with status 1 when
anything is wrong, 0 when the archive is ready to build.

It then reports, per article, the characters whose conversion to the
other script is ambiguous (with their context and what they became) and
which conversion rules fired where, so that rules can be added; see
docs/conversion.md. This report is advice and does not fail the check.

Options:
  --archive <dir>   the archive folder (default: $ARCHIVE_DIR or ./content)
  --no-conversion   skip the conversion report
  -h, --help        show this help`;

/** The conversion report of one article, or "" when there is nothing to say. */
async function conversionReport(article: LoadedArticle, archive: string): Promise<string> {
  const converter = converterFor(article.meta, otherScript(article.meta.script), archive);
  if (!converter) return "";
  // The whole file, so that line numbers in the report are the file's own.
  const text = reportableMarkdown(await readFile(path.resolve(article.file), "utf8"));
  return formatAmbiguityReport(reportAmbiguities(text, converter));
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
        conversion: { type: "boolean", default: true },
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
  let reported = 0;
  if (values.conversion) {
    for (const article of articles) {
      let report: string;
      try {
        report = await conversionReport(article, dir);
      } catch (error) {
        // A bad conversion.yaml fails every article the same way: say it once.
        setupProblems.push((error as Error).message);
        break;
      }
      if (report === "") continue;
      reported++;
      console.log(`${article.file}\n${report.replace(/^/gm, "  ")}\n`);
    }
  }
  for (const problem of new Set(setupProblems)) console.error(problem);
  if (problems.length > 0) console.error(formatProblems(problems));
  const badFiles = new Set(problems.map((problem) => problem.file)).size;
  const total = problems.length + new Set(setupProblems).size;
  console.log(
    `${articles.length} valid article(s); ${total} problem(s)${badFiles ? ` in ${badFiles} file(s)` : ""}` +
      `${!values.conversion ? "" : `; ${reported} article(s) with conversion notes`}. Archive: ${dir}`,
  );
  return total > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
