import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
    expect(result.stdout).toMatch(/\b\d+ valid article\(s\); 0 problem\(s\)/);
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

  it("prints the summary only with --quiet, and still exits 1 when anything is wrong", () => {
    const dir = makeArchive({
      "a.md": articleFile({ id: "2024-01-02-aaa", date: "2024-02-30" }, "于书记在会上指出，要迈上新征程。\n"),
      "b.md": "",
    });
    const result = check(dir, "--quiet");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^0 valid article\(s\); 2 problem\(s\) in 2 file\(s\)\. Archive: /),
    ]);
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

  it("reports the uncertain conversions across the archive, most places first, and what fired", () => {
    const dir = makeArchive({
      "a.md": articleFile({ id: "2024-01-02-aaa" }, "于书记在会上指出，要迈上新征程，落实河长制。\n"),
      "b.md": articleFile({ id: "2024-01-02-bbb" }, "各地落实河长制，推行湖长制。机械深松土地。\n"),
    });
    const result = check(dir);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    // 河长制 in both articles is one line with two places, ranked above 深松 with one.
    const zhi = lines.findIndex((line) => /×2 .*【制】/.test(line));
    const song = lines.findIndex((line) => /×1 .*【松】/.test(line));
    expect(zhi).toBeGreaterThan(-1);
    expect(song).toBeGreaterThan(zhi);
    expect(lines[zhi]).toContain("twlaw");
    expect(lines[zhi + 1]).toMatch(/a\.md:\d+:\d+/);
    // Sure decisions are not listed: 于书记 fired a rule, 会上 and 指出 are plain words.
    expect(result.stdout).not.toMatch(/【(会|指|于)】/);
    expect(result.stdout).toMatch(/×1 {2}新征程 → 新征程 {3}\[builtin pair/);
    expect(result.stdout).not.toContain("conversion notes");
    expect(check(dir, "--no-conversion").stdout).not.toMatch(/新征程/);
  });

  it("gives every article's ambiguous characters in detail on request", () => {
    const body = "于书记在会上指出，要迈上新征程。会后，他理发后赶回单位。\n";
    const dir = makeArchive({ "a.md": articleFile({}, body) });
    const result = check(dir, "--conversion-detail");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("a.md");
    expect(result.stdout).toMatch(/后 → 後/);
    expect(result.stdout).toMatch(/新征程/);
    expect(result.stdout).toContain("1 article(s) with conversion notes");
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

  it("names ledger lines that are not checks and captures it cannot read, and notes a torn last line", () => {
    const dir = makeArchive({ "a.md": articleFile() });
    const good = JSON.stringify({
      id: "2024-01-02-abc123",
      url: "https://www.gov.example/a.htm",
      checked: "2024-05-01T02:00:00.000Z",
      outcome: "removed",
      http_status: 404,
      final_url: "https://www.gov.example/a.htm",
      sha256: null,
    });
    mkdirSync(path.join(dir, "sources", "captures", "2024-01-02-abc123"), { recursive: true });
    writeFileSync(
      path.join(dir, "sources", "checks.jsonl"),
      `${good}\n${good.replace('"removed"', '"deleted"')}\n${good.slice(0, 40)}`,
    );
    writeFileSync(
      path.join(dir, "sources", "captures", "2024-01-02-abc123", "2024-05-01-aaaa.md"),
      "正文，没有前言。\n",
    );
    const result = check(dir, "--no-conversion");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/checks\.jsonl:2: not a check: outcome/);
    expect(result.stderr).toMatch(/sources\/captures\/2024-01-02-abc123\/2024-05-01-aaaa\.md: not a capture/);
    expect(result.stderr).toMatch(/note: .*checks\.jsonl:3: the last line is unfinished/);
    expect(result.stdout).toContain("1 valid article(s); 2 problem(s)");
  });
});
