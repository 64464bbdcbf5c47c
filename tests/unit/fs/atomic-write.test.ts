import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPartialWrite, writeAtomic } from "../../../src/lib/fs/atomic-write.ts";

const MODULE = path.resolve(import.meta.dirname, "../../../src/lib/fs/atomic-write.ts");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writing a file atomically", () => {
  it("writes a new file and replaces an old one, leaving nothing else in the folder", async () => {
    const file = path.join(dir, "a.md");
    await writeAtomic(file, "第一版\n");
    await writeAtomic(file, "第二版\n");
    expect(readFileSync(file, "utf8")).toBe("第二版\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("refuses, when exclusive, a file that exists, and leaves it as it was", async () => {
    const file = path.join(dir, "a.md");
    writeFileSync(file, "已有的文章\n");
    await expect(writeAtomic(file, "新的\n", { exclusive: true })).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(file, "utf8")).toBe("已有的文章\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("leaves the old content or the new, whole, when the writer is killed at any moment", async () => {
    const file = path.join(dir, "a.md");
    const versions = ["甲".repeat(400_000), "乙".repeat(400_000)];
    writeFileSync(file, versions[0] as string);
    // A writer replacing the file with one version after the other, as fast as it can.
    const script = `
      import { writeAtomic } from ${JSON.stringify(MODULE)};
      const versions = ${JSON.stringify(versions.map((text) => text.slice(0, 1)))}.map((c) => c.repeat(400_000));
      for (let i = 1; ; i++) await writeAtomic(${JSON.stringify(file)}, versions[i % 2]);`;
    for (const delay of [150, 400, 650, 900, 1_150]) {
      const writer = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        stdio: "ignore",
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
      writer.kill("SIGKILL");
      await new Promise((resolve) => writer.on("exit", resolve));
      expect(versions).toContain(readFileSync(file, "utf8"));
      // What a killed writer may leave is a hidden file the archive's check names as unfinished.
      for (const name of readdirSync(dir).filter((name) => name !== "a.md")) expect(isPartialWrite(name)).toBe(true);
    }
  });
});
