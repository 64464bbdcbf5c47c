import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBuildRecord } from "../../../src/lib/site/build-record.ts";

describe("records an earlier build left", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "build-record-"));

  it("reads a record back as it was written", async () => {
    const file = path.join(dir, "whole.json");
    writeFileSync(file, JSON.stringify({ "2024-01-01-01": "abc" }));
    expect(await readBuildRecord(file)).toEqual({ "2024-01-01-01": "abc" });
  });

  it("counts a missing record, or one cut off while being written, as none", async () => {
    const cut = path.join(dir, "cut.json");
    writeFileSync(cut, '{"2024-01-01-01": "ab');
    expect(await readBuildRecord(path.join(dir, "missing.json"))).toBeUndefined();
    expect(await readBuildRecord(cut)).toBeUndefined();
  });

  it("fails on anything else, such as a folder where the record should be", async () => {
    await expect(readBuildRecord(dir)).rejects.toThrow();
  });
});
