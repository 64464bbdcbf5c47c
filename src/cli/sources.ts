import { MultiBar, type SingleBar } from "cli-progress";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import type { SourcesOptions, SourcesSummary } from "../lib/sources/run.ts";
import { OUTCOMES, type CheckRecord } from "../lib/sources/types.ts";

/**
 * npm run sources -- [options]
 * Checks every article's original address: still there, changed, removed, blocked or
 * unreachable. A thin shell over src/lib/sources (arguments, progress, summary).
 */

const HELP = `Usage: npm run sources -- [options]

Checks the original page (url) of each article in the archive and appends what
it found to <archive>/sources/checks.jsonl: unchanged, changed (the text the
import would extract differs from the archived text), removed (404 or 410, a
redirect to a home or index page, a page saying it does not exist), blocked
(401, 403, 451, robots.txt) or unreachable (no answer, 5xx). A changed text is
kept as a new capture of the article in <archive>/sources/captures/<id>/.

Requests are polite: limits per host and overall, a delay between requests to
one host, robots.txt honoured, retries with a growing delay, conditional
requests. The settings are in site.yaml under sources (docs/sources.md).

Choosing articles:
  --id <id>            only this article (repeatable)
  --from <YYYY-MM-DD>  only articles of this day or later
  --to <YYYY-MM-DD>    only articles of this day or earlier
  --source <name>      only articles of this source or publisher (repeatable)
  --older-than <days>  only articles not checked for this many days
                       (default: sources.recheck_days in site.yaml, 6)
  --all                check every chosen article, however recently checked
  --limit <n>          at most n checks in this run

Settings for this run (override site.yaml):
  --concurrency <n>    requests at a time in all
  --per-host <n>       requests at a time to one host
  --delay <ms>         between two requests to one host
  --timeout <ms>       for one request, its whole body included
  --retries <n>        further attempts after a failure

Other:
  --archive <dir>      the archive folder (default: ARCHIVE_DIR, else content)
  --quiet              print the summary only (and errors, on stderr)
  -h, --help           show this help

A stopped run loses at most the check it was making; run it again and it
carries on with the articles not checked yet. Exit status: 0 when the run
finished, 1 when it could not run, 2 for a usage error.`;

function usageError(message: string): never {
  process.stderr.write(`sources: ${message}\nRun npm run sources -- --help for usage.\n`);
  process.exit(2);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || !/^\d+(?:\.\d+)?$/.test(value)) {
    usageError(`--${name} needs a number of at least ${min}, not "${value}"`);
  }
  return number;
}

function parse() {
  let parsed;
  try {
    parsed = parseArgs({
      strict: true,
      options: {
        archive: { type: "string" },
        id: { type: "string", multiple: true },
        from: { type: "string" },
        to: { type: "string" },
        source: { type: "string", multiple: true },
        "older-than": { type: "string" },
        all: { type: "boolean", default: false },
        limit: { type: "string" },
        concurrency: { type: "string" },
        "per-host": { type: "string" },
        delay: { type: "string" },
        timeout: { type: "string" },
        retries: { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  for (const name of ["from", "to"] as const) {
    const day = values[name];
    if (day !== undefined && !DAY.test(day)) usageError(`--${name} needs a day as YYYY-MM-DD, not "${day}"`);
  }
  if (values.all && values["older-than"] !== undefined) usageError("--all and --older-than contradict each other");
  return {
    archive: values.archive ?? process.env["ARCHIVE_DIR"] ?? "content",
    ids: values.id,
    from: values.from,
    to: values.to,
    sources: values.source,
    olderThan: values.all ? 0 : count(values["older-than"], "older-than", 0),
    limit: count(values.limit, "limit", 1),
    concurrency: count(values.concurrency, "concurrency", 1),
    perHost: count(values["per-host"], "per-host", 1),
    delay: count(values.delay, "delay", 0),
    timeout: count(values.timeout, "timeout", 1),
    retries: count(values.retries, "retries", 0),
    quiet: values.quiet,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function countsLine(counts: Record<string, number>): string {
  return OUTCOMES.map((outcome) => `${counts[outcome] ?? 0} ${outcome}`).join(", ");
}

function summaryLine(summary: SourcesSummary): string {
  const skipped = [
    summary.noUrl > 0 ? `${summary.noUrl} without a url` : "",
    summary.recent > 0 ? `${summary.recent} checked recently` : "",
    summary.left > 0 ? `${summary.left} left for the next run (--limit)` : "",
  ].filter(Boolean);
  return (
    `Summary: ${plural(summary.checked, "check")}: ${countsLine(summary.counts)}; ` +
    `${plural(summary.captures, "new capture")}${skipped.length > 0 ? `; not checked: ${skipped.join(", ")}` : ""}\n`
  );
}

function describe(record: CheckRecord, captured: string | undefined): string {
  const status = record.http_status === null ? "" : ` ${record.http_status}`;
  const reason = record.reason ? ` (${record.reason})` : "";
  const capture = captured ? `; new capture ${captured}` : "";
  return `${record.outcome}${status} ${record.id} ${record.url}${reason}${capture}\n`;
}

async function main(): Promise<void> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const args = parse();
  if (!existsSync(args.archive)) {
    process.stderr.write(`sources: the archive folder ${args.archive} does not exist\n`);
    process.exit(1);
  }
  const { lockArchive } = await import("../lib/build/locks.ts");
  const { loadSiteConfig } = await import("../lib/site/config.ts");
  const { runSources } = await import("../lib/sources/run.ts");
  let site;
  try {
    site = loadSiteConfig(args.archive);
  } catch (error) {
    process.stderr.write(`sources: ${(error as Error).message}\n`);
    process.exit(1);
  }
  try {
    lockArchive(args.archive);
  } catch (error) {
    process.stderr.write(`sources: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const s = site.sources;
  const options: SourcesOptions = {
    archive: args.archive,
    settings: {
      concurrency: args.concurrency ?? s.concurrency,
      perHost: args.perHost ?? s.per_host,
      delayMs: args.delay ?? s.delay_ms,
      timeoutMs: args.timeout ?? s.timeout_ms,
      retries: args.retries ?? s.retries,
      backoffMs: s.backoff_ms,
      maxBytes: s.max_bytes,
      userAgent: `policy-archive-sources/1.0 (+${site.url})`,
      robotsAgent: "policy-archive-sources",
      ignoreRobots: s.ignore_robots,
    },
    recheckDays: args.olderThan ?? s.recheck_days,
    ...(args.ids && { ids: args.ids }),
    ...(args.from && { from: args.from }),
    ...(args.to && { to: args.to }),
    ...(args.sources && { sources: args.sources }),
    ...(args.limit !== undefined && { limit: args.limit }),
  };
  let bars: MultiBar | undefined;
  let bar: SingleBar | undefined;
  let total = 0;
  let step = 0;
  const counts: Record<string, number> = {};
  const held: string[] = [];
  const summary = await runSources(options, {
    start(count) {
      total = count;
      if (args.quiet || count === 0) return;
      if (process.stderr.isTTY) {
        bars = new MultiBar({
          stream: process.stderr,
          format: "checking [{bar}] {value}/{total} {counts}",
          hideCursor: true,
          clearOnComplete: true,
        });
        bar = bars.create(count, 0, { counts: "" });
      } else {
        step = Math.max(1, Math.ceil(count / 10));
        process.stderr.write(`checking ${plural(count, "original")}\n`);
      }
    },
    checked(record, done, captured) {
      counts[record.outcome] = (counts[record.outcome] ?? 0) + 1;
      if (args.quiet) return;
      const line = describe(record, captured);
      if (bar) {
        bar.update(done, { counts: countsLine(counts) });
        if (record.outcome !== "unchanged") held.push(line);
      } else {
        process.stdout.write(line);
        if (step > 0 && (done % step === 0 || done === total)) {
          process.stderr.write(`progress: ${done}/${total}: ${countsLine(counts)}\n`);
        }
      }
    },
    warning(message) {
      process.stderr.write(`warning: ${message}\n`);
    },
  });
  bars?.stop();
  for (const line of held) process.stdout.write(line);
  process.stdout.write(summaryLine(summary));
}

await main();
