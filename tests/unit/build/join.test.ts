import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { joinFolders, keepPartFiles } from "../../../src/lib/build/join.ts";
import { folderHashes } from "../../helpers/files.ts";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "join-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("joining the folders of a site built in parts", () => {
  it("copies every file of every folder, and a file several hold once", async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), "joined-")), "dist");
    const a = folder({ "index.html": "首页", "zh-hans/articles/a/index.html": "甲" });
    const b = folder({ "index.html": "首页", "zh-hans/articles/b/index.html": "乙" });
    expect(await joinFolders([a, b], target)).toBe(3);
    expect(readFileSync(path.join(target, "zh-hans/articles/b/index.html"), "utf8")).toBe("乙");
    expect(readFileSync(path.join(target, "index.html"), "utf8")).toBe("首页");
  });

  it("refuses folders that disagree on a file they both hold, naming it", async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), "joined-")), "dist");
    const a = folder({ "_astro/site.js": "one", "robots.txt": "same" });
    const b = folder({ "_astro/site.js": "two", "robots.txt": "same" });
    await expect(joinFolders([a, b], target)).rejects.toThrow(/1 file\(s\) differ[\s\S]*_astro\/site\.js/);
  });
});

describe("a part's own output", () => {
  it("keeps its articles' pages, files, downloads and search shards, and leaves the rest to the assemble step", async () => {
    const site = folder({
      "zh-hant/articles/a/index.html": "甲",
      "zh-hant/articles/a/changes/index.html.gz": "甲",
      "files/a/plan.pdf": "%PDF",
      "data/cite/a.bib": "@article",
      "data/source/a.md": "---",
      "pagefind/2019-0/pagefind-entry.json": "{}",
      "_astro/site.js": "js",
      "index.html": "首页",
      "data/articles.json": "[]",
      "favicon.svg": "<svg/>",
      "zh-hant/browse/index.html": "瀏覽",
    });
    expect(await keepPartFiles(site)).toBe(4);
    expect(Object.keys(await folderHashes(site)).sort()).toEqual([
      "_astro/site.js",
      "data/cite/a.bib",
      "data/source/a.md",
      "files/a/plan.pdf",
      "pagefind/2019-0/pagefind-entry.json",
      "zh-hant/articles/a/changes/index.html.gz",
      "zh-hant/articles/a/index.html",
    ]);
  });
});
