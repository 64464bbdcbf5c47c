import anymatch from "anymatch";
import { describe, expect, it } from "vitest";
import { unwatchedGlobs } from "../../../src/lib/site/unwatched.ts";

describe("the dev server's watch exclusions", () => {
  it("leave out build outputs, caches and dependencies", () => {
    const ignored = unwatchedGlobs("/work/project/content", "/work/cache");
    for (const file of [
      "/work/project/dist/zh-hans/index.html",
      "/work/project/parts/2022/site/index.html",
      "/work/project/node_modules/astro/package.json",
      "/work/project/.astro/data-store.json",
      "/work/project/bench/out/work/site-1000/index.html",
      "/work/cache/entities.json",
    ]) {
      expect(anymatch(ignored, file), file).toBe(true);
    }
    expect(anymatch(ignored, "/work/project/content/articles/2020/03/a.md")).toBe(false);
    expect(anymatch(ignored, "/work/project/src/pages/index.astro")).toBe(false);
  });

  it("always watch the archive, even inside a folder named like a build output", () => {
    const ignored = unwatchedGlobs("/work/project/bench/out/work/archive-2000");
    expect(anymatch(ignored, "/work/project/bench/out/work/archive-2000/articles/2022/09/x.md")).toBe(false);
    expect(anymatch(ignored, "/work/project/bench/out/work/site-2000/index.html")).toBe(true);
    const inParts = unwatchedGlobs("/srv/parts/archive");
    expect(anymatch(inParts, "/srv/parts/archive/articles/2022/09/x.md")).toBe(false);
  });
});
