import { appendFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeXwlbArchive } from "./fixtures.ts";
import { gib, secs } from "./perf/format.ts";
import { runMeasured, type MeasuredRun } from "./perf/measure.ts";
import { ASTRO, OUT, ROOT, TSX } from "./perf/paths.ts";

/**
 * `npx tsx bench/parts.ts [--articles N] [--repeat R] [--years-per-part Y] [--only <part>]`:
 * builds one archive once as one `astro build` and once in parts (`npm run build:part` for
 * each part in a process of its own, then `npm run build:assemble`), and prints each run's
 * time and peak memory (the whole process tree, Pagefind included). The corpus is written
 * R times (default 3), three years apart, so by default the archive spans three blocks of
 * three years: three parts. `--only` builds that one part and nothing else, to measure a
 * part of an archive too large to build whole here in reasonable time.
 */
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "4000" },
    repeat: { type: "string", default: "3" },
    "years-per-part": { type: "string", default: "3" },
    only: { type: "string" },
  },
});
const articles = Number(values.articles);
const repeat = Number(values.repeat);
const work = path.join(OUT, "parts");
await rm(work, { recursive: true, force: true });
const archive = path.join(work, "archive");
const written = writeXwlbArchive(archive, { limit: Math.ceil(articles / repeat), repeat });
appendFileSync(path.join(archive, "site.yaml"), `years_per_part: ${values["years-per-part"]}\n`);
const env = { ...process.env, ARCHIVE_DIR: archive, ASTRO_TELEMETRY_DISABLED: "1" };

function report(label: string, run: MeasuredRun): void {
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.tail.join("\n")}`);
  console.log(
    `${label.padEnd(22)} ${secs(run.seconds).padStart(9)}  peak ${gib(run.peakTreeBytes)}  ` +
      `cpu ${secs(run.cpuSeconds)}  load ${run.load.map((load) => load.toFixed(2)).join("→")}  ` +
      [...run.programs].map(([name, use]) => `${name} ${gib(use.peakBytes)}`).join(", "),
  );
}

console.log(`${written.length} articles, ${values["years-per-part"]} year(s) a part`);
const plan = await runMeasured(process.execPath, [TSX, "src/cli/parts.ts", "plan"], { cwd: ROOT, env });
const parts = plan.tail.map((line) => line.split("\t")[0] as string).filter((name) => /^\d{4}/.test(name));
console.log(`parts ${parts.join(", ")}; plan (fingerprints) ${secs(plan.seconds)}`);
const whole = values.only
  ? undefined
  : await runMeasured(process.execPath, [ASTRO, "build", "--outDir", path.join(work, "whole")], {
      cwd: ROOT,
      env: { ...env, ASTRO_CACHE_DIR: path.join(work, "cache-whole") },
    });
if (whole) report("one process", whole);
const options = ["--parts", path.join(work, "parts"), "--out", path.join(work, "dist")];
const partEnv = { ...env, ASTRO_CACHE_DIR: path.join(work, "cache-parts") };
let total = 0;
for (const part of values.only ? [values.only] : parts) {
  const run = await runMeasured(process.execPath, [TSX, "src/cli/parts.ts", "part", part, ...options], {
    cwd: ROOT,
    env: partEnv,
  });
  report(`part ${part}`, run);
  total += run.seconds;
}
if (values.only || !whole) process.exit(0);
const assemble = await runMeasured(process.execPath, [TSX, "src/cli/parts.ts", "assemble", ...options], {
  cwd: ROOT,
  env: partEnv,
});
report("assemble", assemble);
console.log(
  `parts one after another + assemble: ${secs(total + assemble.seconds)} (${((total + assemble.seconds) / whole.seconds).toFixed(2)}x one process)`,
);
