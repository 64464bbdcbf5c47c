import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { parseSpan, spanHolds } from "../../src/lib/build/parts.ts";
import { count, gib, row, secs } from "./format.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";
import { ROOT, TSX, WORK } from "./paths.ts";
import { byProgram } from "./sizes.ts";

/** One step of a build in parts (the plan, a part, the assemble step), in a process of its own. */
export interface PartsStep {
  name: string;
  /** Articles the part renders; undefined for the plan and the assemble step. */
  articles?: number;
  run: MeasuredRun;
}

/** An archive built in parts, one after another on this machine. */
export interface PartsResult {
  articles: number;
  yearsPerPart: number;
  /** Every part of the plan, oldest first. */
  planned: string[];
  plan: PartsStep;
  /** The parts built: all of them, or the one asked for. */
  parts: PartsStep[];
  /** Undefined when only one part was built. */
  assemble?: PartsStep;
}

/** Options for measureParts. */
export interface PartsOptions {
  /** Years a part (`years_per_part`); undefined: the fewest that cut the archive's years into four blocks. */
  yearsPerPart: number | undefined;
  /** Build this part only (its span's name, 2016-2022) and no assemble step; undefined: every part. */
  part: string | undefined;
}

/**
 * Builds an archive as `npm run build:parts` does on one machine: the plan, then each part
 * with `npm run build:part` in a process of its own, then `npm run build:assemble`, each
 * step timed and its process tree's memory sampled. The archive's site.yaml gets
 * `years_per_part` for the run and is restored after.
 */
export async function measureParts(
  archive: { dir: string; articles: number },
  options: PartsOptions,
  progress: (message: string) => void,
): Promise<PartsResult> {
  const years = readdirSync(path.join(archive.dir, "articles"))
    .filter((name) => /^\d{4}$/.test(name))
    .map(Number);
  const yearsPerPart =
    options.yearsPerPart ?? Math.max(1, Math.ceil((Math.max(...years) - Math.min(...years) + 1) / 4));
  const siteFile = path.join(archive.dir, "site.yaml");
  const site = readFileSync(siteFile, "utf8");
  writeFileSync(siteFile, `${site.trimEnd()}\nyears_per_part: ${yearsPerPart}\n`);
  const work = path.join(WORK, "parts");
  const env = {
    ...process.env,
    ARCHIVE_DIR: archive.dir,
    ASTRO_CACHE_DIR: path.join(work, "cache"),
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const folders = ["--parts", path.join(work, "parts"), "--out", path.join(work, "dist")];
  const step = async (name: string, args: string[]): Promise<PartsStep> => {
    progress(`parts: ${name}`);
    const run = await runMeasured(process.execPath, [TSX, "src/cli/parts.ts", ...args], { cwd: ROOT, env });
    if (run.status !== 0) throw new Error(`${name} failed (exit ${run.status}):\n${run.tail.join("\n")}`);
    return { name, run };
  };
  try {
    await rm(work, { recursive: true, force: true });
    const plan = await step("plan", ["plan"]);
    const planned = plan.run.tail.map((line) => line.split("\t")[0] ?? "").filter((name) => /^\d{4}/.test(name));
    if (options.part && !planned.includes(options.part))
      throw new Error(`--part ${options.part} is not a part of the plan (${planned.join(", ")})`);
    const parts: PartsStep[] = [];
    for (const name of options.part ? [options.part] : planned) {
      const built = await step(`part ${name}`, ["part", name, ...folders]);
      parts.push({ ...built, articles: await articlesIn(archive.dir, name) });
    }
    const assemble = options.part ? undefined : await step("assemble", ["assemble", ...folders]);
    return {
      articles: archive.articles,
      yearsPerPart,
      planned,
      plan,
      parts,
      ...(assemble ? { assemble } : {}),
    };
  } finally {
    writeFileSync(siteFile, site);
    await rm(work, { recursive: true, force: true });
  }
}

/** How many articles of the archive fall in a part's span of years. */
async function articlesIn(archiveDir: string, part: string): Promise<number> {
  const span = parseSpan(part);
  const files = await glob("articles/*/*/*.md", { cwd: archiveDir });
  return files.filter((file) => spanHolds(span, `${file.split("/")[1] ?? ""}-01-01`)).length;
}

/** The report block. */
export function formatParts(result: PartsResult): string[] {
  const { parts, assemble, plan } = result;
  const usage = (run: MeasuredRun): string =>
    `peak ${gib(run.peakTreeBytes)} (process tree; by program: ${byProgram(run.programs)}); ` +
    `load ${run.load.map((load) => load.toFixed(1)).join("→")}`;
  const shards = process.env["SEARCH_SHARD_PAGES"];
  const lines = [
    `parts: ${count(result.articles)} articles in ${result.planned.length} parts of ${result.yearsPerPart} year(s) ` +
      `(${result.planned.join(", ")}${shards ? `; SEARCH_SHARD_PAGES=${shards}` : ""}), each step in a process of its own`,
    row("plan", secs(plan.run.seconds), `fingerprints of every part; ${usage(plan.run)}`),
    ...parts.map((part) =>
      row(part.name, secs(part.run.seconds), `${count(part.articles ?? 0)} articles; ${usage(part.run)}`),
    ),
  ];
  const largest = parts.reduce((a, b) => (b.run.peakTreeBytes > a.run.peakTreeBytes ? b : a));
  if (assemble) {
    lines.push(row("assemble", secs(assemble.run.seconds), `listings, manifests, join; ${usage(assemble.run)}`));
    const total = plan.run.seconds + parts.reduce((sum, part) => sum + part.run.seconds, 0) + assemble.run.seconds;
    const slowest = Math.max(...parts.map((part) => part.run.seconds));
    lines.push(
      row("one after another", secs(total), "plan, every part and assemble"),
      row(
        "on one machine a part",
        secs(plan.run.seconds + slowest + assemble.run.seconds),
        "plan, the slowest part, assemble",
      ),
    );
  }
  lines.push(row("largest part peak", gib(largest.run.peakTreeBytes), largest.name));
  return lines;
}
