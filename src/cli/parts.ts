import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProblems, loadArchive } from "../lib/article/load.ts";
import { codeHash, partFingerprints } from "../lib/build/fingerprint.ts";
import { ledgerFile } from "../lib/sources/ledger.ts";
import { joinFolders, keepPartFiles } from "../lib/build/join.ts";
import { lockArchive, lockSite } from "../lib/build/locks.ts";
import { prepareStaging, publishStaging, stagedSite } from "../lib/build/staging.ts";
import { parseSpan, planParts, spanName, spanOf } from "../lib/build/parts.ts";
import { PART_SITE, writeRecord } from "../lib/build/record.ts";
import { indexSummary, searchIndexOptions, SHARD_CACHE } from "../integrations/search.ts";
import { precompressSite } from "../lib/publish/precompress.ts";
import { BUNDLE_DIR, indexShards } from "../lib/search/indexer.ts";
import { basePath } from "../lib/site/base.ts";
import { siteRulesPath } from "../lib/script/index.ts";
import { archiveDir, loadSiteConfig } from "../lib/site/config.ts";

const HELP = `Usage: npm run build:plan [-- --json]
       npm run build:part -- <part>
       npm run build:assemble
       npm run build:parts

Builds the site in parts of \`years_per_part\` years each (set in site.yaml), each
part on a machine of its own if need be, and joins them into the same site a
one-process \`npm run build\` makes (docs/performance.md, "Building on many machines").

  plan       lists the parts that have articles and each part's fingerprint
             (--json: a JSON array for a GitHub Actions matrix)
  part       builds one part's article pages, downloads and search shards into
             <parts>/<part>/; a part whose fingerprint is unchanged is reused
  assemble   builds the listings, feeds, exports, sitemap and search manifests
             and joins them with every part into <out>; every part of the plan
             must be built and up to date
  all        every part, each in a process of its own, then assemble

Options:
  --archive <dir>   the archive folder (default: $ARCHIVE_DIR or ./content)
  --parts <dir>     where parts are built (default ./parts)
  --out <dir>       the joined site (default ./dist)
  --json            plan: print JSON
  -h, --help        show this help`;

/** Astro's command-line entry, run with the Node that runs this command. */
const ASTRO = fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url));

/** The file in a part's folder holding the fingerprint it was built from, written once the part is whole. */
const FINGERPRINT_FILE = "fingerprint";

interface Part {
  name: string;
  fingerprint: string;
}

/** The parts of the archive, oldest first, with their fingerprints. */
async function plan(yearsPerPart: number): Promise<Part[]> {
  const archive = archiveDir();
  const { articles, problems } = await loadArchive(archive);
  if (problems.length > 0)
    throw new Error(`${problems.length} problem(s) in the archive:\n${formatProblems(problems)}`);
  const read = (file: string): Promise<string> => readFile(file, "utf8").catch(() => "");
  const fingerprints = await partFingerprints(articles, yearsPerPart, {
    code: await codeHash(process.cwd()),
    site: {
      "site.yaml": await read(path.join(archive, "site.yaml")),
      "conversion.yaml": await read(siteRulesPath(archive)),
      // What the source checks found shows on article pages; a capture never comes without its check.
      "sources/checks.jsonl": await read(ledgerFile(archive)),
    },
    settings: {
      SEARCH_SHARD_PAGES: process.env["SEARCH_SHARD_PAGES"],
      ARCHIVE_SCRIPTS: process.env["ARCHIVE_SCRIPTS"],
    },
  });
  const years = articles.map((article) => Number(article.meta.date.day.slice(0, 4)));
  return planParts(years, yearsPerPart).map((span) => {
    const name = spanName(span);
    return { name, fingerprint: fingerprints.get(name) ?? "" };
  });
}

/**
 * The plan, made in a process of its own: making it holds the whole archive in memory, which
 * this process would otherwise keep while a part's build runs beside it.
 */
function planApart(): Part[] {
  const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "plan", "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`making the plan failed (status ${String(result.status)})`);
  return JSON.parse(result.stdout) as Part[];
}

/** The cache folder of one build: each part keeps its own, as Astro's incremental cache holds the pages its last build made. */
function cacheFolder(name: string): string {
  return path.resolve(process.env["ASTRO_CACHE_DIR"] ?? "node_modules/.astro", name);
}

/** Runs `astro build` into `outDir` with the given role settings; throws when it fails. */
function astroBuild(outDir: string, cacheName: string, env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [ASTRO, "build", "--outDir", outDir], {
    stdio: "inherit",
    env: { ...process.env, ...env, ASTRO_CACHE_DIR: cacheFolder(cacheName) },
  });
  if (result.status !== 0) throw new Error(`astro build into ${outDir} failed (status ${String(result.status)})`);
}

async function builtFingerprint(dir: string): Promise<string | undefined> {
  return readFile(path.join(dir, FINGERPRINT_FILE), "utf8").catch(() => undefined);
}

/** Builds one part, unless its folder already holds the part built from the same fingerprint. */
async function buildPart(part: Part, partsDir: string): Promise<void> {
  const dir = path.join(partsDir, part.name);
  if ((await builtFingerprint(dir)) === part.fingerprint) {
    console.log(`part ${part.name}: unchanged (fingerprint ${part.fingerprint}), reused`);
    return;
  }
  const started = performance.now();
  await rm(dir, { recursive: true, force: true });
  const siteDir = path.join(dir, PART_SITE);
  const cacheName = `part-${part.name}`;
  astroBuild(siteDir, cacheName, { BUILD_PART: part.name, BUILD_RECORD: dir });
  // The search shards, once Astro has exited: its memory and Pagefind's never add up.
  const site = loadSiteConfig();
  const options = await searchIndexOptions({
    siteDir,
    base: basePath(site.url),
    cacheDir: path.join(cacheFolder(cacheName), SHARD_CACHE),
    log: (message) => console.log(message),
  });
  const { report, summaries } = await indexShards(options);
  console.log(indexSummary(report));
  await writeRecord(dir, "shards", summaries);
  if (site.precompress) await precompressSite(path.join(siteDir, BUNDLE_DIR));
  await keepPartFiles(siteDir);
  await writeFile(path.join(dir, FINGERPRINT_FILE), part.fingerprint);
  console.log(`part ${part.name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds what no part makes and joins it with every part into `outDir`. */
async function assemble(parts: readonly Part[], partsDir: string, outDir: string): Promise<void> {
  const dirs = parts.map((part) => path.join(partsDir, part.name));
  const stale: string[] = [];
  for (const [index, part] of parts.entries()) {
    if ((await builtFingerprint(dirs[index] as string)) !== part.fingerprint) stale.push(part.name);
  }
  if (stale.length > 0) {
    throw new Error(
      `part(s) ${stale.join(", ")} missing or out of date: build each with \`npm run build:part -- <part>\``,
    );
  }
  const started = performance.now();
  const own = path.join(partsDir, ".assemble");
  await rm(own, { recursive: true, force: true });
  astroBuild(own, "assemble", { BUILD_ASSEMBLE: dirs.join(path.delimiter) });
  // Joined beside the published site, which it replaces whole once joined (src/lib/build/staging.ts).
  const site = stagedSite(outDir);
  const emptying = prepareStaging(site);
  const files = await joinFolders([own, ...dirs.map((dir) => path.join(dir, PART_SITE))], site.staging);
  await emptying;
  publishStaging(site);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`assembled ${parts.length} part(s), ${files} files, into ${outDir} in ${seconds} s`);
}

/** Runs the command and returns the exit status. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        archive: { type: "string" },
        parts: { type: "string", default: "parts" },
        out: { type: "string", default: "dist" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, name, ...rest] = positionals;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (
    !["plan", "part", "assemble", "all"].includes(command ?? "") ||
    rest.length > 0 ||
    (command === "part") !== !!name
  ) {
    console.error(HELP);
    return 2;
  }
  if (values.archive) process.env["ARCHIVE_DIR"] = path.resolve(values.archive);
  // The builds this command runs share its locks (src/lib/build/locks.ts); a plan only reads.
  if (command !== "plan") {
    try {
      lockArchive(archiveDir());
      if (command !== "part") lockSite(path.resolve(values.out));
    } catch (error) {
      console.error((error as Error).message);
      return 1;
    }
  }
  const yearsPerPart = loadSiteConfig().years_per_part;
  if (yearsPerPart === undefined) {
    console.error(`${archiveDir()}/site.yaml sets no years_per_part: the site is built in one (npm run build)`);
    return 1;
  }
  const partsDir = path.resolve(values.parts);
  if (command === "plan") {
    const parts = await plan(yearsPerPart);
    if (values.json) console.log(JSON.stringify(parts));
    else for (const part of parts) console.log(`${part.name}\t${part.fingerprint}`);
    return 0;
  }
  const parts = planApart();
  if (command === "part") {
    const span = parseSpan(name as string);
    const part = parts.find((candidate) => candidate.name === spanName(span));
    if (!part) {
      const expected = spanName(spanOf(span.first, yearsPerPart));
      console.error(
        `${name as string} is not a part of this archive (${yearsPerPart} year(s) a part; ` +
          `${span.first} is in ${expected}); its parts: ${parts.map((each) => each.name).join(", ")}`,
      );
      return 1;
    }
    await buildPart(part, partsDir);
    return 0;
  }
  if (command === "all") for (const part of parts) await buildPart(part, partsDir);
  await assemble(parts, partsDir, path.resolve(values.out));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
