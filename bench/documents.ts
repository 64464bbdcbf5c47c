// Policy documents as documents: the build of the law corpus (../shared/corpus/laws, 1,555
// documents, 60 titles in two or more versions linked by `supersedes`), what the comparison
// pages cost per pair of versions, the gzipped weight of the longest document's page
// (contents list included) against its text alone, and what writing the citations of each of
// its clauses into the page would add. Build figures come from one build: Astro's
// per-page timings in its log (medians per kind of page, and their ratio) and wall time.
// In-process figures are medians over --runs runs. Prints figures; never passes or fails.
// The archive and site stay in bench/out/documents/.
// --news N adds N xwlb news items to the same archive, to see the laws built together with news.
// --import writes the archive with the import command's own code (npm run import on the laws folder, then
// the files without any date again with a date for the run) instead of laying the files out directly,
// and reports what it imported, skipped and chained, and how long it took.
// Run: npx tsx bench/documents.ts [--laws N] [--news N] [--runs R] [--no-build] [--import]   (all laws: several minutes)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { toText } from "hast-util-to-text";
import { loadArchive } from "../src/lib/article/load.ts";
import { bodyView } from "../src/lib/article/view.ts";
import { parseBody } from "../src/lib/markdown/render.ts";
import { chicago } from "../src/lib/cite/chicago.ts";
import { citeAt, clauseLocator } from "../src/lib/cite/clause.ts";
import { ACCESS_DATE_PLACEHOLDER, gbt7714 } from "../src/lib/cite/gbt7714.ts";
import { citationItem } from "../src/lib/cite/item.ts";
import { clauses } from "../src/lib/markdown/structure.ts";
import { buildVersionChains } from "../src/lib/versions/chain.ts";
import { compareVersions, comparisonView } from "../src/lib/versions/view.ts";
import { runImport } from "../src/lib/import/importer.ts";
import { LAWS_DIR, lawArticle, lawFiles, readLaw, versionSets } from "../tests/helpers/laws.ts";
import { writeXwlbBrowseArchive } from "../tests/helpers/xwlb.ts";
import { kb, median, secs, times } from "./perf/format.ts";
import { runMeasured } from "./perf/measure.ts";
import { ASTRO, OUT, ROOT } from "./perf/paths.ts";

const { values } = parseArgs({
  options: {
    laws: { type: "string" },
    runs: { type: "string", default: "5" },
    build: { type: "boolean", default: true },
    news: { type: "string", default: "0" },
    import: { type: "boolean", default: false },
  },
  allowNegative: true,
});
const runs = Number(values.runs);
const WORK = path.join(OUT, "documents");
const archiveDir = path.join(WORK, "archive");
const outDir = path.join(WORK, "dist");

/** Writes the laws as an archive: ids from their order, each version set linked oldest to newest. */
async function writeLawArchive(limit: number): Promise<number> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(path.join(archiveDir, "articles"), { recursive: true });
  writeFileSync(path.join(archiveDir, "site.yaml"), readFileSync(path.join(ROOT, "content/site.yaml")));
  const files = (await lawFiles()).slice(0, limit);
  const ids = new Map(files.map((file, i) => [file, `law-${String(i + 1).padStart(4, "0")}`]));
  const links = new Map<string, { supersedes?: string; status: string }>();
  for (const set of await versionSets()) {
    set.forEach((file, v) => {
      const previous = set[v - 1];
      links.set(file, {
        ...(previous && ids.has(previous) && { supersedes: ids.get(previous)! }),
        status: v === set.length - 1 ? "in_force" : "amended",
      });
    });
  }
  for (const file of files) {
    const id = ids.get(file)!;
    const link = links.get(file);
    writeFileSync(
      path.join(archiveDir, "articles", `${id}.md`),
      lawArticle(readLaw(file), id, link && { status: link.status, supersedes: link.supersedes }),
    );
  }
  return files.length;
}

const ROUTE = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/;

/** Builds the archive once, keeping each page's render time from Astro's log. */
async function build(): Promise<{ seconds: number; pages: Map<string, number> }> {
  const pages = new Map<string, number>();
  const run = await runMeasured(process.execPath, [ASTRO, "build", "--outDir", outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_DIR: archiveDir,
      ASTRO_CACHE_DIR: `${outDir}-cache`,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    onLine: (line) => {
      const route = ROUTE.exec(line.text);
      if (route?.[1] && route[2]) pages.set(route[1], Number(route[2]) / (route[3] === "ms" ? 1000 : 1));
    },
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.tail.join("\n")}`);
  return { seconds: run.seconds, pages };
}

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

/** Imports the laws folder with the import command's code, as a maintainer would; returns the number of articles written. */
async function importLawArchive(): Promise<number> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(archiveDir, { recursive: true });
  writeFileSync(path.join(archiveDir, "site.yaml"), readFileSync(path.join(ROOT, "content/site.yaml")));
  const errors: string[] = [];
  const started = performance.now();
  const first = await runImport(
    [LAWS_DIR],
    { archive: archiveDir },
    {
      event: (event) => {
        if (event.kind === "error") errors.push(event.input);
      },
    },
  );
  const second = await runImport(errors, { archive: archiveDir, fields: { date: "2024-01-01" } }, { event: () => {} });
  const seconds = (performance.now() - started) / 1000;
  const files = (await lawFiles()).length;
  say(
    `import: ${files} files, ${first.written} written, ${first.skipped} skipped (section index files and documents present twice), ` +
      `${first.errors} without any date, written in a second run with --set date: ${second.written}; ` +
      `${secs(seconds)} for both runs (one run)`,
  );
  return first.written + second.written;
}

const written = values.import
  ? await importLawArchive()
  : await writeLawArchive(values.laws ? Number(values.laws) : Infinity);
const newsWritten = Number(values.news) > 0 ? writeXwlbBrowseArchive(archiveDir, { limit: Number(values.news) }) : [];
const news = newsWritten.length;
const { articles, problems } = await loadArchive(archiveDir);
if (problems.length > 0) throw new Error(`archive has problems: ${problems.map((p) => p.message).join("; ")}`);
const pairs = buildVersionChains(articles.map((article) => article.meta)).pairs();
const chained = new Set(pairs.flatMap(([older, newer]) => [older.id, newer.id]));
const chainCount = pairs.filter(([older]) => !pairs.some(([, newer]) => newer.id === older.id)).length;
say(`${chainCount} chains of versions holding ${chained.size} documents`);
const newsIds = new Set(newsWritten);
const lawIds = new Set(articles.map((article) => article.meta.id).filter((id) => !newsIds.has(id)));
const byId = new Map(articles.map((article) => [article.meta.id, article]));
say(`${written} law documents, ${pairs.length} pairs of consecutive versions${news ? `, ${news} news items` : ""}`);

// In-process: one comparison (both versions parsed, clauses paired, characters compared,
// converted to Traditional) against rendering the newer version's body in Traditional.
const compareMs: number[] = [];
const renderMs: number[] = [];
for (let run = 0; run < runs; run++) {
  for (const [older, newer] of pairs) {
    const a = byId.get(older.id)!;
    const b = byId.get(newer.id)!;
    let started = performance.now();
    comparisonView(compareVersions(a.body, b.body), b.meta, "hant");
    compareMs.push(performance.now() - started);
    started = performance.now();
    bodyView(b.meta, b.body, "hant");
    renderMs.push(performance.now() - started);
  }
}
say(
  `comparison in-process, per pair: median ${median(compareMs).toFixed(1)} ms; ` +
    `${times(median(compareMs) / median(renderMs))} the render of the newer version's body (${median(renderMs).toFixed(1)} ms)`,
);

// The no-JavaScript alternative to pointing the citation block at a clause by script:
// both ready citations of every clause written into the longest document's page.
{
  const longest = [...articles].sort((a, b) => b.body.length - a.body.length)[0]!;
  const url = `https://archive.example.org/zh-hans/articles/${longest.meta.id}/`;
  const item = citationItem(longest.meta, { url, script: "hans", accessed: ACCESS_DATE_PLACEHOLDER });
  const { html } = bodyView(longest.meta, longest.body, "hans");
  const cited = clauses(parseBody(longest.body)).flatMap(({ id }) => {
    const clause = clauseLocator(id, "hans");
    if (!clause) return [];
    const at = citeAt(item, clause);
    return [`<li id="cite-${id}"><p>${gbt7714(at)}</p><p>${chicago(at)}</p></li>`];
  });
  const gz = (data: string) => gzipSync(data, { level: 9 }).length;
  const added = gz(html + cited.join("")) - gz(html);
  const raw = Buffer.byteLength(cited.join(""));
  say(
    `per-clause citations written into the longest document (${cited.length} clauses, GB/T 7714 and Chicago): ` +
      `+${kb(added)} gzipped on its body's ${kb(gz(html))} (${times((gz(html) + added) / gz(html))}); ` +
      `+${kb(raw)} uncompressed on ${kb(Buffer.byteLength(html))} (${times((Buffer.byteLength(html) + raw) / Buffer.byteLength(html))})`,
  );
}

if (values.build) {
  const { seconds, pages } = await build();
  const timesOf = (test: (route: string) => boolean) => [...pages].filter(([route]) => test(route)).map(([, s]) => s);
  const changes = timesOf((route) => route.includes("/changes/"));
  const articlePage = (route: string) => /\/articles\/[^/]+\/(?:index\.html)?$/.test(route);
  const isLaw = (route: string) => lawIds.has(/\/articles\/([^/]+)\//.exec(route)?.[1] ?? "");
  const articlePages = timesOf((route) => articlePage(route) && isLaw(route));
  const newsPages = timesOf((route) => articlePage(route) && !isLaw(route));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  say(`build: ${pages.size} pages in ${secs(seconds)} wall time (one build)`);
  say(
    `  law article pages: ${articlePages.length}, median ${(median(articlePages) * 1000).toFixed(1)} ms each; ` +
      `comparison pages: ${changes.length}, median ${(median(changes) * 1000).toFixed(1)} ms each ` +
      `(${times(median(changes) / median(articlePages))} an article page)`,
  );
  if (newsPages.length > 0) {
    say(
      `  news article pages: ${newsPages.length}, median ${(median(newsPages) * 1000).toFixed(1)} ms each ` +
        `(law pages ${times(median(articlePages) / median(newsPages))} a news page)`,
    );
  }
  say(
    `  comparison pages per pair of versions (both scripts): ${((sum(changes) / pairs.length) * 1000).toFixed(1)} ms of rendering`,
  );

  // The longest document: its page, gzipped, against its text alone, gzipped.
  const longest = [...articles].sort((a, b) => b.body.length - a.body.length)[0]!;
  const html = readFileSync(path.join(outDir, "zh-hans/articles", longest.meta.id, "index.html"));
  const text = toText(parseBody(longest.body));
  const contents = /<nav class="contents"[\s\S]*?<\/nav>/.exec(html.toString("utf8"))?.[0] ?? "";
  const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
  say(
    `longest document (${longest.meta.title}, ${text.length} characters): page ${kb(gz(html))} gzipped, ` +
      `text alone ${kb(gz(text))} gzipped (${times(gz(html) / gz(text))}); its contents list ${kb(gz(contents))} gzipped on its own`,
  );
}
writeFileSync(path.join(WORK, "report.txt"), `${lines.join("\n")}\n`);
