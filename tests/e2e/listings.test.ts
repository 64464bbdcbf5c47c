import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXwlbArchive, type XwlbArticle } from "../../bench/fixtures.ts";
import { folderHashes } from "../helpers/files.ts";
import { buildSite, freshPlace, type BuildPlace, type BuildResult } from "./support/build.ts";

/**
 * xwlb reports, all from one source and one programme and all in 2022: each of those
 * lists spans two archived pages of 100 (the 200 oldest) and a front page of 120.
 */
const ARTICLES = 320;

/** The lists every article of the fixture is on, in both scripts. */
const LISTS = ["sources/央视网", "sections/新闻联播", "dates/2022"].flatMap((list) =>
  ["zh-hans", "zh-hant"].map((script) => `${script}/browse/${list}`),
);

let first: Record<string, string>;
let added: Record<string, string>;
let removed: Record<string, string>;
let rebuild: BuildResult;
let newId: string;
/** The source's front page right after the article arrived. */
let frontWithArticle: string;

/** The browse pages of a built site with a hash of each: archived pages are `…/1/index.html`, `…/2/index.html`. */
async function browsePages(outDir: string): Promise<Record<string, string>> {
  const hashes = await folderHashes(outDir);
  return Object.fromEntries(Object.entries(hashes).filter(([file]) => /^zh-han[st]\/browse\/.*\.html$/.test(file)));
}

beforeAll(async () => {
  const archive = mkdtempSync(path.join(tmpdir(), "listings-"));
  const articles = writeXwlbArchive(archive, { limit: ARTICLES });
  const place: BuildPlace = freshPlace();
  const build = (name: string): BuildResult => {
    const result = buildSite(archive, place);
    if (result.status !== 0) throw new Error(`${name} build failed:\n${result.output}`);
    return result;
  };
  build("first");
  first = await browsePages(place.outDir);

  // Tonight's report arrives: the newest article of its source, programme, month and year.
  const newest = articles.at(-1) as XwlbArticle;
  newId = `${newest.day}-99`;
  const file = path.join(archive, path.dirname(newest.file), `${newId}.md`);
  writeFileSync(
    file,
    readFileSync(path.join(archive, newest.file), "utf8")
      .replace(/^id: .*$/m, `id: ${newId}`)
      .replace(/^title: .*$/m, "title: 新到的文章"),
  );
  rebuild = build("rebuild");
  added = await browsePages(place.outDir);
  frontWithArticle = readFileSync(path.join(place.outDir, "zh-hans/browse/sources/央视网/index.html"), "utf8");

  rmSync(file);
  build("second rebuild");
  removed = await browsePages(place.outDir);
});

describe("listing pages when the newest article arrives", () => {
  it("keeps every archived page byte for byte and changes the front pages of the lists the article joins", () => {
    for (const list of LISTS) {
      expect(Object.keys(first).filter((file) => file.startsWith(`${list}/`))).toEqual([
        `${list}/1/index.html`,
        `${list}/2/index.html`,
        `${list}/index.html`,
      ]);
      expect(added[`${list}/1/index.html`], list).toBe(first[`${list}/1/index.html`]);
      expect(added[`${list}/2/index.html`], list).toBe(first[`${list}/2/index.html`]);
      expect(added[`${list}/index.html`], list).not.toBe(first[`${list}/index.html`]);
    }
    // The new article heads the front page, numbered 321.
    expect(frontWithArticle).toMatch(
      new RegExp(
        `<ol [^>]*reversed[^>]*start="${ARTICLES + 1}"[^>]*>\\s*<li[^>]*><a href="/zh-hans/articles/${newId}/"[^>]*>新到的文章`,
      ),
    );
  });

  it("does not render the archived pages again", () => {
    // Astro logs each page it reuses as "├─ /zh-hans/browse/…/1/index.html (restored)" (or "(cached)").
    const reused = new Set([...rebuild.output.matchAll(/(\S+) \((?:cached|restored)\)/g)].map(([, file]) => file));
    const archived = LISTS.flatMap((list) => [1, 2].map((n) => `/${list}/${n}/index.html`));
    expect(archived.filter((file) => !reused.has(file))).toEqual([]);
    expect(reused.has(`/${LISTS[0]}/index.html`)).toBe(false);
  });

  it("changes no numbered page of any list, and gives back the first pages when the article is removed", () => {
    // An archived page: a number under a group's or a period's address (…/2022/ is a year, not a page).
    const numbered = Object.keys(first).filter((file) =>
      /\/browse\/(dates\/\d{4}(-\d\d)?|[a-z-]+\/[^/]+)\/\d+\/index\.html$/.test(file),
    );
    expect(numbered.length).toBeGreaterThanOrEqual(LISTS.length * 2);
    expect(numbered.filter((file) => added[file] !== first[file])).toEqual([]);
    expect(removed).toEqual(first);
  });
});
