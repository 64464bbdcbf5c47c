import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { forgetOutput, outputIsKept, recordOutput, removeStale } from "../../../src/lib/site/kept-output.ts";

/** Writes a file, dated `age` seconds ago. */
function fileAged(file: string, age: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "x");
  const then = new Date(Date.now() - age * 1000);
  utimesSync(file, then, then);
}

describe("the site folder kept between builds", () => {
  it("removes files an earlier build left that this one neither wrote nor kept, and the folders they leave empty", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "kept-"));
    fileAged(path.join(site, "zh-hans/articles/withdrawn/index.html"), 600);
    fileAged(path.join(site, "zh-hans/articles/unchanged/index.html"), 600);
    fileAged(path.join(site, "_astro/old.js"), 600);
    fileAged(path.join(site, "_astro/new.js"), 0);
    const started = Date.now() - 60_000;

    const removed = removeStale(site, started, new Set(["zh-hans/articles/unchanged/index.html"]));

    expect(removed).toBe(2);
    expect(existsSync(path.join(site, "zh-hans/articles/withdrawn"))).toBe(false);
    expect(existsSync(path.join(site, "zh-hans/articles/unchanged/index.html"))).toBe(true);
    expect(existsSync(path.join(site, "_astro/old.js"))).toBe(false);
    expect(existsSync(path.join(site, "_astro/new.js"))).toBe(true);
  });

  it("trusts a folder only when the last finished build with this cache wrote it", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "kept-"));
    const record = path.join(work, "cache/kept-output.json");
    const site = path.join(work, "dist");

    expect(await outputIsKept(record, site)).toBe(false);
    await recordOutput(record, site);
    expect(await outputIsKept(record, site)).toBe(true);
    expect(await outputIsKept(record, path.join(work, "other"))).toBe(false);
    // A build started and did not finish: the folder may hold a mix of two builds.
    await forgetOutput(record);
    expect(await outputIsKept(record, site)).toBe(false);
  });
});
