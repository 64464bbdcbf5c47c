import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyAtLowPriority, emptyFolder } from "../../../src/lib/build/empty-folder.ts";

describe.each([
  ["in this process", emptyFolder],
  ["at low priority", emptyAtLowPriority],
])("emptying a folder %s", (_, empty) => {
  it("removes every file and folder inside, however deep, and keeps the folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "empty-folder-"));
    for (const page of ["zh-hans/articles/a", "zh-hant/articles/a", "pagefind/0"]) {
      mkdirSync(path.join(dir, page), { recursive: true });
      writeFileSync(path.join(dir, page, "index.html"), "<html></html>");
    }
    writeFileSync(path.join(dir, "loose.txt"), "x");
    await empty(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves a missing folder missing", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "empty-folder-")), "never-made");
    await empty(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
