import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS, hasCorpus } from "../helpers/corpus.ts";

/** The repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Debian's Chromium, or the binary named by CHROMIUM_PATH. */
export const CHROMIUM = process.env["CHROMIUM_PATH"] || "/usr/bin/chromium";

/** A system program some end-to-end files need, and how to tell which files. */
interface Program {
  /** What a reader is told is missing. */
  name: string;
  /** The files that must all exist for the program to count as present. */
  files: string[];
  /** How to install it. */
  install: string;
  /** Whether a test file needs it, from its source. */
  neededBy: (source: string) => boolean;
}

const PROGRAMS: Program[] = [
  {
    name: `Chromium (${CHROMIUM})`,
    files: [CHROMIUM],
    install: "sudo apt-get install chromium, or set CHROMIUM_PATH",
    neededBy: (source) => source.includes("launchBrowser("),
  },
  {
    name: "nginx with its Brotli module, and Caddy",
    files: ["/usr/sbin/nginx", "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so", "/usr/bin/caddy"],
    install: "sudo apt-get install nginx libnginx-mod-http-brotli-static caddy",
    neededBy: (source) => source.includes("support/web-servers.ts"),
  },
];

/** Whether missing programs and corpus must fail the run instead of skipping tests (CI=true). */
export const strict = process.env["CI"] === "true";

/** A program that is not installed, with the end-to-end files that need it. */
export interface MissingProgram {
  name: string;
  install: string;
  files: string[];
}

/** The end-to-end test files, with their source. */
function endToEndFiles(): { file: string; source: string }[] {
  const dir = path.join(ROOT, "tests/e2e");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ file: `tests/e2e/${name}`, source: readFileSync(path.join(dir, name), "utf8") }));
}

/**
 * The end-to-end files that build their archive from the shared corpus, left out when it
 * is absent (their archive is made before any test runs, so they cannot skip test by test).
 */
export function corpusEndToEndFiles(): string[] {
  if (hasCorpus) return [];
  return endToEndFiles()
    .filter(({ source }) => /writeXwlb|helpers\/xwlb\.ts|helpers\/laws\.ts/.test(source))
    .map(({ file }) => file);
}

/** The programs that are not installed, each with the end-to-end test files that need it. */
export function missingPrograms(): MissingProgram[] {
  const tests = endToEndFiles();
  return PROGRAMS.filter((program) => !program.files.every((file) => existsSync(file))).map((program) => ({
    name: program.name,
    install: program.install,
    files: tests.filter((test) => program.neededBy(test.source)).map((test) => test.file),
  }));
}

/**
 * One line for each thing the run goes without: the shared corpus (its tests are skipped)
 * and each missing program (the files needing it are left out).
 */
export function skipNotices(missing: MissingProgram[] = missingPrograms()): string[] {
  const notices = missing.map(
    (program) =>
      `skipped ${program.files.map((file) => path.basename(file)).join(", ")}: ${program.name} not found (${program.install})`,
  );
  if (!hasCorpus) {
    notices.push(
      `skipped the tests that read real text (${corpusEndToEndFiles()
        .map((file) => path.basename(file))
        .join(
          ", ",
        )} and parts of unit files): no shared corpus at ${CORPUS} (run them with CORPUS_DIR=/path/to/corpus)`,
    );
  }
  return notices;
}
