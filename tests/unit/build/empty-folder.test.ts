import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyAtLowPriority, removeDetached } from "../../../src/lib/build/empty-folder.ts";

/** A folder of pages and search files, as a built site holds. */
function siteLike(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "empty-folder-"));
  for (const page of ["zh-hans/articles/a", "zh-hant/articles/a", "pagefind/0"]) {
    mkdirSync(path.join(dir, page), { recursive: true });
    writeFileSync(path.join(dir, page, "index.html"), "<html></html>");
  }
  writeFileSync(path.join(dir, "loose.txt"), "x");
  return dir;
}

describe("emptying a folder at low priority", () => {
  it("removes every file and folder inside, however deep, and keeps the folder", async () => {
    const dir = siteLike();
    await emptyAtLowPriority(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves a missing folder missing", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "empty-folder-")), "never-made");
    await emptyAtLowPriority(dir);
    expect(existsSync(dir)).toBe(false);
  });
});

describe("removing a folder in the background", () => {
  it("removes it, whole, without the caller waiting", async () => {
    const dir = siteLike();
    removeDetached(dir);
    for (let waited = 0; existsSync(dir) && waited < 20_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(existsSync(dir)).toBe(false);
  });
});
