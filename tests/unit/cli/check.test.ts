import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleFile, makeArchive, ROOT } from "../../helpers/archive.ts";

function check(archive: string, ...args: string[]) {
  const result = spawnSync("npx", ["tsx", "src/cli/check.ts", "--archive", archive, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check", () => {
  it("passes the sample archive", () => {
    const result = check(path.join(ROOT, "content"));
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("1 valid article(s); 0 problem(s)");
    expect(result.status).toBe(0);
  });

  it("lists every problem at once and exits 1", () => {
    const dir = makeArchive({
      "a.md": articleFile({ id: "2024-01-02-aaa", date: "2024-02-30" }),
      "b.md": articleFile({ id: "2024-01-02-bbb", script: "simplified" }),
      "c.md": articleFile({ id: "2024-01-02-ccc" }),
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("a.md: date: expected a date");
    expect(result.stderr).toContain("b.md: script: expected hans (published in Simplified script) or hant");
    expect(result.stdout).toContain("1 valid article(s); 2 problem(s) in 2 file(s)");
  });

  it("refuses broken version links, naming the file and the field", () => {
    const dir = makeArchive({
      "a.md": articleFile({ id: "2024-01-02-aaa", supersedes: "2023-01-02-gone" }),
      "b.md": articleFile({ id: "2024-01-02-bbb", supersedes: "2024-01-02-ccc" }),
      "c.md": articleFile({ id: "2024-01-02-ccc", supersedes: "2024-01-02-bbb" }),
    });
    const result = check(dir, "--no-conversion");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a.md: supersedes: "2023-01-02-gone" is not the id of any article in the archive');
    expect(result.stderr).toContain(
      "b.md: supersedes: the versions form a cycle: 2024-01-02-bbb → 2024-01-02-ccc → 2024-01-02-bbb",
    );
    expect(result.stderr).toContain("c.md: supersedes: the versions form a cycle");
  });

  it("reports ambiguous conversions with context and the rules that fired", () => {
    const body = "于书记在会上指出，要迈上新征程。会后，他理发后赶回单位。\n";
    const dir = makeArchive({ "a.md": articleFile({}, body) });
    const result = check(dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("a.md");
    expect(result.stdout).toMatch(/后/);
    expect(result.stdout).toMatch(/新征程/);
    expect(result.stdout).toContain("1 article(s) with conversion notes");
    expect(check(dir, "--no-conversion").stdout).not.toMatch(/新征程/);
  });

  it("names a malformed conversion.yaml once and fails", () => {
    const dir = makeArchive({ "a.md": articleFile() });
    writeFileSync(path.join(dir, "conversion.yaml"), "pairs:\n  - { hans: 新征程 }\n");
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/conversion\.yaml/g)).toHaveLength(1);
    expect(result.stderr).toContain("hant");
  });

  it("refuses a site address with a query, naming the field and what is expected", () => {
    const dir = makeArchive({ "a.md": articleFile() });
    const settings = readFileSync(path.join(dir, "site.yaml"), "utf8");
    writeFileSync(path.join(dir, "site.yaml"), settings.replace(/^url: .*$/m, "url: https://archive.example.org/?s=1"));
    const result = check(dir, "--no-conversion");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "site.yaml: url: expected the address the site is published at: http:// or https://",
    );
    expect(result.stderr).toContain('"https://archive.example.org/?s=1" carries a ?query');
    expect(result.stdout).toContain("1 valid article(s); 1 problem(s)");
  });
});
