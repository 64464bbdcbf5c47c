import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkKeptPages, pruneKeptPages, recordPublishedPages } from "../../../src/lib/build/kept-pages.ts";
import { releaseKeptPage, shareKeptPages } from "../../../src/lib/build/kept-registry.ts";

const PAGES = {
  "/zh-hans/articles/a/": "zh-hans/articles/a/index.html",
  "/zh-hant/articles/a/": "zh-hant/articles/a/index.html",
  "/zh-hans/": "zh-hans/index.html",
};

/** Writes Astro's manifest of a build that made `pages` (pathname → file). */
function writeManifest(cacheDir: string, pages: Record<string, string>): void {
  const paths = Object.fromEntries(Object.entries(pages).map(([pathname, outputFile]) => [pathname, { outputFile }]));
  writeFileSync(path.join(cacheDir, "incremental-build.json"), JSON.stringify({ routes: { all: { paths } } }));
}

/** A published site of PAGES with the cache of the build that made it, recorded as published. */
async function publishedBuild(): Promise<{ cacheDir: string; published: string; staging: string }> {
  const root = mkdtempSync(path.join(tmpdir(), "kept-pages-"));
  const [cacheDir, published, staging] = ["cache", "site", "staging"].map((name) => path.join(root, name)) as [
    string,
    string,
    string,
  ];
  mkdirSync(cacheDir);
  mkdirSync(staging);
  for (const file of Object.values(PAGES)) {
    mkdirSync(path.dirname(path.join(published, file)), { recursive: true });
    writeFileSync(path.join(published, file), `<p>${file}</p>`);
  }
  writeManifest(cacheDir, PAGES);
  await recordPublishedPages(cacheDir, published, new Map());
  return { cacheDir, published, staging };
}

const inode = (file: string): number => statSync(file).ino;

describe("pages kept from the published site", () => {
  it("links every page still as published into the staging folder, the same file, not a copy", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    const kept = await linkKeptPages(cacheDir, published, staging);
    expect([...kept.keys()].sort()).toEqual(Object.keys(PAGES).sort());
    for (const file of Object.values(PAGES)) {
      expect(inode(path.join(staging, file))).toBe(inode(path.join(published, file)));
    }
  });

  it("does not link a page changed in the published site since it was published", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    writeFileSync(path.join(published, PAGES["/zh-hans/"]), "<p>edited by hand, longer than before</p>");
    const kept = await linkKeptPages(cacheDir, published, staging);
    expect(kept.has("/zh-hans/")).toBe(false);
    expect(existsSync(path.join(staging, PAGES["/zh-hans/"]))).toBe(false);
    expect(kept.size).toBe(2);
  });

  it("links nothing when Astro's manifest is not the one published (a build that failed after writing it)", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    writeManifest(cacheDir, { ...PAGES, "/zh-hans/articles/b/": "zh-hans/articles/b/index.html" });
    expect((await linkKeptPages(cacheDir, published, staging)).size).toBe(0);
  });

  it("keeps linking build after build: a page never rendered again keeps its recorded identity", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    for (let build = 0; build < 3; build++) {
      const kept = await linkKeptPages(cacheDir, published, staging);
      expect(kept.size).toBe(3);
      renameSync(published, `${published}.old.${build}`);
      renameSync(staging, published);
      mkdirSync(staging);
      await recordPublishedPages(cacheDir, published, kept);
    }
  });

  it("gives a page rendered again a file of its own, leaving the published one as it was", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    const kept = await linkKeptPages(cacheDir, published, staging);
    shareKeptPages(kept);
    releaseKeptPage("/base/zh-hans/articles/a/", "/base/");
    const file = PAGES["/zh-hans/articles/a/"];
    expect(existsSync(path.join(staging, file))).toBe(false);
    writeFileSync(path.join(staging, file), "<p>new</p>");
    expect(readFileSync(path.join(published, file), "utf8")).toBe(`<p>${file}</p>`);
    expect(kept.has("/zh-hans/articles/a/")).toBe(false);
  });

  it("removes the pages the new build no longer makes, and the folders they leave empty", async () => {
    const { cacheDir, published, staging } = await publishedBuild();
    const kept = await linkKeptPages(cacheDir, published, staging);
    writeManifest(cacheDir, { "/zh-hans/": PAGES["/zh-hans/"] });
    expect(await pruneKeptPages(cacheDir, staging, kept)).toBe(2);
    expect(existsSync(path.join(staging, "zh-hans/articles"))).toBe(false);
    expect(existsSync(path.join(staging, "zh-hant"))).toBe(false);
    expect(existsSync(path.join(staging, PAGES["/zh-hans/"]))).toBe(true);
  });
});
