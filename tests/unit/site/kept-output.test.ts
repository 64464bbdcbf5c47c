import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyAtLowPriority } from "../../../src/lib/build/empty-folder.ts";
import { forgetOutput, outputIsKept, recordOutput, removeStale } from "../../../src/lib/site/kept-output.ts";

/** Writes a file, dated `age` seconds ago. */
function fileAged(file: string, age: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "x");
  const then = new Date(Date.now() - age * 1000);
  utimesSync(file, then, then);
}

describe("the site folder kept between builds", () => {
  it("removes files an earlier build left that this one neither wrote nor kept, moving folders of nothing else aside", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "kept-"));
    fileAged(path.join(site, "zh-hans/articles/withdrawn/index.html"), 600);
    fileAged(path.join(site, "zh-hans/articles/unchanged/index.html"), 600);
    fileAged(path.join(site, "_astro/old.js"), 600);
    fileAged(path.join(site, "_astro/new.js"), 0);
    fileAged(path.join(site, "pagefind/1/fragment/a.pf_fragment"), 600);
    fileAged(path.join(site, "pagefind/1/fragment/b.pf_fragment"), 600);
    const started = Date.now() - 60_000;
    const trash = mkdtempSync(path.join(tmpdir(), "kept-trash-"));

    const removed = removeStale(site, started, new Set(["zh-hans/articles/unchanged/index.html"]), trash);

    expect(removed).toBe(4);
    expect(existsSync(path.join(site, "pagefind"))).toBe(false);
    // The withdrawn article's folder and the old search bundles.
    expect(readdirSync(trash)).toHaveLength(2);
    await emptyAtLowPriority(trash);
    expect(readdirSync(trash)).toEqual([]);
    expect(existsSync(path.join(site, "zh-hans/articles/withdrawn"))).toBe(false);
    expect(existsSync(path.join(site, "zh-hans/articles/unchanged/index.html"))).toBe(true);
    expect(existsSync(path.join(site, "_astro/old.js"))).toBe(false);
    expect(existsSync(path.join(site, "_astro/new.js"))).toBe(true);
  });

  it("trusts a folder only when the last finished build with this cache wrote it", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "kept-"));
    const record = path.join(work, "cache/kept-output.json");
    const site = path.join(work, "dist");
    const other = path.join(work, "other");
    fileAged(path.join(site, "index.html"), 0);
    fileAged(path.join(other, "index.html"), 0);

    expect(await outputIsKept(record, site)).toBe(false);
    await recordOutput(record, site);
    expect(await outputIsKept(record, site)).toBe(true);
    expect(await outputIsKept(record, other)).toBe(false);
    // A build started and did not finish: the folder may hold a mix of two builds.
    await forgetOutput(record);
    expect(await outputIsKept(record, site)).toBe(false);

    // The folder made afresh (a new checkout, a CI run keeping only the cache folder).
    await recordOutput(record, site);
    rmSync(site, { recursive: true });
    expect(await outputIsKept(record, site)).toBe(false);
    fileAged(path.join(site, "index.html"), 3600);
    expect(await outputIsKept(record, site)).toBe(false);
  });
});
