import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linkTree } from "../../../src/lib/search/hard-links.ts";

const made: string[] = [];

function folderWithBundle(root: string): string {
  const bundle = mkdtempSync(path.join(root, "bundle-"));
  made.push(bundle);
  mkdirSync(path.join(bundle, "index"), { recursive: true });
  writeFileSync(path.join(bundle, "pagefind-entry.json"), '{"version":"1.6.0"}');
  writeFileSync(path.join(bundle, "index", "zh-hans_1.pf_index"), "index bytes");
  return bundle;
}

function newFolder(root: string): string {
  const folder = mkdtempSync(path.join(root, "copy-"));
  made.push(folder);
  return path.join(folder, "bundle");
}

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("linking a bundle's files into another folder", () => {
  it("gives every file, in the same layout, as a second name of the same file: no bytes are copied", async () => {
    const bundle = folderWithBundle(tmpdir());
    const linked = newFolder(tmpdir());
    await linkTree(bundle, linked);
    for (const file of ["pagefind-entry.json", "index/zh-hans_1.pf_index"]) {
      expect(readFileSync(path.join(linked, file), "utf8")).toBe(readFileSync(path.join(bundle, file), "utf8"));
      expect(statSync(path.join(linked, file)).ino).toBe(statSync(path.join(bundle, file)).ino);
    }
  });

  it("copies the files where the two folders are on different file systems", async () => {
    // /dev/shm is a memory file system on Linux, another than the temporary folder's disk.
    if (!existsSync("/dev/shm") || statSync("/dev/shm").dev === statSync(tmpdir()).dev) return;
    const bundle = folderWithBundle("/dev/shm");
    const copied = newFolder(tmpdir());
    await linkTree(bundle, copied);
    expect(readFileSync(path.join(copied, "index/zh-hans_1.pf_index"), "utf8")).toBe("index bytes");
    rmSync(bundle, { recursive: true });
    expect(readFileSync(path.join(copied, "pagefind-entry.json"), "utf8")).toBe('{"version":"1.6.0"}');
  });
});
