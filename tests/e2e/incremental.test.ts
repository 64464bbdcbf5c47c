import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { globSync } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXwlbArchive, type XwlbArticle } from "../../bench/fixtures.ts";
import { folderHashes } from "../helpers/files.ts";
import { buildSite, freshPlace, type BuildPlace, type BuildResult } from "./support/build.ts";

const ARTICLES = 48;
/** Small shards, so that a change reaches some shards of the search index and not others. */
const SHARD_PAGES = "24";

let articles: XwlbArticle[];
let rebuilt: BuildResult;
let clean: BuildResult;
let edited: XwlbArticle;
let deleted: XwlbArticle;
let added: string;
let first: BuildResult;
let publishedEdited: string;
let publishedEditedBytes: string;

beforeAll(() => {
  const archive = mkdtempSync(path.join(tmpdir(), "incremental-"));
  articles = writeXwlbArchive(archive, { limit: ARTICLES });
  const place: BuildPlace = { ...freshPlace(), env: { SEARCH_SHARD_PAGES: SHARD_PAGES } };
  first = buildSite(archive, place);
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);

  // An article arrives (the newest), one is corrected (title and body), one is withdrawn:
  // all at the newest end of the archive, so the first search shards stay as they were (names
  // found in the text relate articles up to twelve apart, whose pages change with them).
  const newest = articles.at(-1) as XwlbArticle;
  added = "2030-01-01-01";
  const source = readFileSync(path.join(archive, newest.file), "utf8");
  mkdirSync(path.join(archive, "articles/2030/01"), { recursive: true });
  writeFileSync(
    path.join(archive, "articles/2030/01", `${added}.md`),
    source
      .replace(/^id: .*$/m, `id: ${added}`)
      .replace(/^date: .*$/m, "date: 2030-01-01")
      .replace(/^title: .*$/m, "title: 新到的文章"),
  );
  edited = articles.at(-3) as XwlbArticle;
  const text = readFileSync(path.join(archive, edited.file), "utf8");
  writeFileSync(
    path.join(archive, edited.file),
    // The correction names someone the article did not name before, and no other article names.
    text.replace(/^title: .*$/m, "title: 更正后的标题").replace(/<p>/, "<p>更正后的第一段。巴西总统卢拉出席。</p><p>"),
  );
  deleted = articles.at(-5) as XwlbArticle;
  rmSync(path.join(archive, deleted.file));

  // A second name for the published page of the article about to be edited: a build that wrote
  // the new page into the published file (shared with the new site's link) would change it.
  publishedEdited = path.join(mkdtempSync(path.join(tmpdir(), "published-")), "index.html");
  linkSync(path.join(first.outDir, "zh-hans/articles", edited.id, "index.html"), publishedEdited);
  publishedEditedBytes = readFileSync(publishedEdited, "utf8");
  rebuilt = buildSite(archive, place);
  if (rebuilt.status !== 0) throw new Error(`rebuild failed:\n${rebuilt.output}`);
  clean = buildSite(archive, { ...freshPlace(), env: { SEARCH_SHARD_PAGES: SHARD_PAGES } });
  if (clean.status !== 0) throw new Error(`clean build failed:\n${clean.output}`);
});

describe("rebuilding after the archive changed", () => {
  it("gives byte for byte what a clean build gives, in the same folder, with no file left over", async () => {
    expect(rebuilt.outDir).toBe(first.outDir);
    const [a, b] = await Promise.all([folderHashes(rebuilt.outDir), folderHashes(clean.outDir)]);
    const differing = Object.keys({ ...a, ...b }).filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
  });

  it("never writes into the published site's files: a page rendered again is a new file", () => {
    expect(readFileSync(publishedEdited, "utf8")).toBe(publishedEditedBytes);
    expect(readFileSync(path.join(rebuilt.outDir, "zh-hans/articles", edited.id, "index.html"), "utf8")).toContain(
      "更正后的标题",
    );
    expect(publishedEditedBytes).not.toContain("更正后的标题");
  });

  it("renders again only the pages that show what changed, and indexes again only the shards that hold them", () => {
    const reused = rebuilt.output.match(/\((cached|restored)\)/g)?.length ?? 0;
    // Every article page but those of the new, edited and deleted articles and their neighbours.
    expect(reused).toBeGreaterThanOrEqual((ARTICLES - 7) * 2);
    // Listings the change does not reach (groups that hold none of the changed articles) are not rendered again.
    const listings = rebuilt.output.match(/\/browse\/\S+ \((cached|restored)\)/g)?.length ?? 0;
    expect(listings).toBeGreaterThan(0);
    // Unchanged pages are linked from the published site before Astro writes: it finds them in place.
    expect(rebuilt.output.match(/\(cached\)/g)?.length ?? 0).toBe(reused);
    expect(rebuilt.output).toMatch(/\d+ pages linked from the published site/);
    // Only the added and the edited article are read from their files again.
    expect(rebuilt.output).toContain(
      `${ARTICLES} articles loaded (2 read, ${ARTICLES - 2} unchanged since the last build)`,
    );
    // Names are found again only in the edited body: the added one repeats a body already read.
    expect(rebuilt.output).toContain(`names found in ${ARTICLES} bodies (1 read, ${ARTICLES - 1} from the cache)`);
    // Every article of the fixture is in one month, which the edit changes: its zip and the new month's are written.
    expect(rebuilt.output).toMatch(/ 2 download files of \d+ articles written in [\d.]+ s \(0 kept/);
    expect(rebuilt.output).toMatch(/search index: .*\(([1-9]\d*) of \d+ shard\(s\) reused\)/);
  });

  it("shows an edited title on its neighbours' pages and the listings, and removes a deleted article's pages, downloads and search records", () => {
    const read = (file: string) => readFileSync(path.join(rebuilt.outDir, file), "utf8");
    const next = /href="\/zh-hans\/articles\/([^/"]+)\/" rel="next"/.exec(
      read(`zh-hans/articles/${edited.id}/index.html`),
    )?.[1];
    expect(read(`zh-hans/articles/${next}/index.html`)).toContain("更正后的标题");
    expect(read(`zh-hant/articles/${next}/index.html`)).toContain("更正後的標題");
    expect(read(`zh-hans/articles/${added}/index.html`)).toContain("新到的文章");
    // The listings that show the edited article: the newest on the home page, its month, its source.
    const month = edited.id.slice(0, 7);
    expect(read("zh-hant/index.html")).toContain("更正後的標題");
    expect(read(`zh-hans/browse/dates/${month}/index.html`)).toContain("更正后的标题");
    expect(read(`zh-hant/browse/dates/${month}/index.html`)).toContain("更正後的標題");
    expect(read("zh-hans/feed.xml")).toContain("更正后的标题");
    expect(() => read(`zh-hans/articles/${deleted.id}/index.html`)).toThrow();
    expect(() => read(`zh-hant/articles/${deleted.id}/index.html`)).toThrow();
    const deletedMonth = unzipSync(
      readFileSync(path.join(rebuilt.outDir, `data/source/${deleted.id.slice(0, 7)}.zip`)),
    );
    expect(Object.keys(deletedMonth)).not.toContain(`${deleted.id}.md`);
    // Each shard has, besides its articles, one record that anchors its date order.
    const indexed = globSync("pagefind/*/pagefind-entry.json", { cwd: rebuilt.outDir })
      .map((file) => JSON.parse(read(file)) as { languages: Record<string, { page_count: number }> })
      .reduce((sum, entry) => sum + Math.max(0, (entry.languages["zh-hans"]?.page_count ?? 0) - 1), 0);
    expect(indexed).toBe(ARTICLES);
  });
});

describe("rebuilding with the cache kept and the site folder made afresh (a CI run)", () => {
  it("writes everything again, downloads too, and gives what a clean build gives", async () => {
    const archive = mkdtempSync(path.join(tmpdir(), "incremental-ci-"));
    const [oldest] = writeXwlbArchive(archive, { limit: 12 });
    const place = freshPlace();
    const firstRun = buildSite(archive, place);
    expect(firstRun.status, firstRun.output).toBe(0);

    rmSync(place.outDir, { recursive: true });
    const text = readFileSync(path.join(archive, (oldest as XwlbArticle).file), "utf8");
    writeFileSync(
      path.join(archive, (oldest as XwlbArticle).file),
      text.replace(/^title: .*$/m, "title: 更正后的标题"),
    );
    const nextRun = buildSite(archive, place);
    expect(nextRun.status, nextRun.output).toBe(0);
    const fresh = buildSite(archive);
    expect(fresh.status, fresh.output).toBe(0);

    const [a, b] = await Promise.all([folderHashes(nextRun.outDir), folderHashes(fresh.outDir)]);
    expect(Object.keys({ ...a, ...b }).filter((file) => a[file] !== b[file])).toEqual([]);
  }, 300_000);
});

describe("names found in the text", () => {
  const page = (result: BuildResult, id: string) =>
    readFileSync(path.join(result.outDir, "zh-hans/articles", id, "index.html"), "utf8");

  it("marks the people found in an article whose front matter lists none, and gives a person found in ten articles or more a page", () => {
    const html = page(clean, (articles[0] as XwlbArticle).id);
    expect(html).toMatch(
      /<tr data-found[^>]*><th scope="row"[^>]*>人物<\/th>\s*<td[^>]*>[^<]*习近平[^<]*<span class="found-mark"[^>]*>（自动识别）/,
    );
    const personPage = path.join(clean.outDir, "zh-hans/browse/persons/习近平/index.html");
    expect(readFileSync(personPage, "utf8")).toContain("人物：习近平");
  });

  it("links each name found to its page, which exists, or, for a name in few articles, to a search for it", () => {
    const kinds = { page: 0, search: 0 };
    for (const file of globSync("zh-hans/articles/*/index.html", { cwd: clean.outDir })) {
      const html = readFileSync(path.join(clean.outDir, file), "utf8");
      const footer = html.slice(html.indexOf('<aside class="article-footer"'));
      for (const [, names = ""] of footer.matchAll(/<dd data-found[^>]*>([\s\S]*?)<\/dd>/g)) {
        for (const [, href = "", label = ""] of names.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)) {
          if (href.startsWith("/zh-hans/browse/")) {
            kinds.page++;
            expect(readFileSync(path.join(clean.outDir, decodeURI(href), "index.html"), "utf8")).toContain(label);
          } else {
            kinds.search++;
            expect(href).toBe(`/zh-hans/search/?q=${encodeURIComponent(label)}`);
          }
        }
      }
    }
    expect(kinds.page).toBeGreaterThan(0);
    expect(kinds.search).toBeGreaterThan(0);
  });

  it("shows who an edit newly names after a rebuild", () => {
    expect(page(rebuilt, edited.id)).toMatch(
      /<tr data-found[^>]*><th scope="row"[^>]*>人物<\/th>\s*<td[^>]*>[^<]*卢拉/,
    );
    expect(edited.html).not.toContain("卢拉");
  });
});
