import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblems, loadArchive } from "../lib/article/load.ts";
import { loadSiteConfig } from "../lib/site/config.ts";

const HELP = `Usage: npm run check -- [--archive <dir>]

Checks every article in the archive and lists every problem at once:
files that are not UTF-8, malformed front matter, missing or mistyped
fields, impossible dates and duplicate ids. Exits with status 1 when
anything is wrong, 0 when the archive is ready to build.

Options:
  --archive <dir>  the archive folder (default: $ARCHIVE_DIR or ./content)
  -h, --help       show this help`;

/** Runs the check and returns the exit status. */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { archive: { type: "string" }, help: { type: "boolean", short: "h" } },
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
  let siteProblem: string | undefined;
  try {
    loadSiteConfig(dir);
  } catch (error) {
    siteProblem = (error as Error).message;
  }
  const { articles, problems } = await loadArchive(dir);
  if (siteProblem) console.error(siteProblem);
  if (problems.length > 0) console.error(formatProblems(problems));
  const badFiles = new Set(problems.map((problem) => problem.file)).size;
  const total = problems.length + (siteProblem ? 1 : 0);
  console.log(
    `${articles.length} valid article(s); ${total} problem(s)${badFiles ? ` in ${badFiles} file(s)` : ""}. Archive: ${dir}`,
  );
  return total > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
