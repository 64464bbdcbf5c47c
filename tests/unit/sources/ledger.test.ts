import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LedgerWriter, ledgerFile, parseLedger, readLedger } from "../../../src/lib/sources/ledger.ts";
import { sourceStatus } from "../../../src/lib/sources/status.ts";
import type { CheckRecord } from "../../../src/lib/sources/types.ts";

const check = (id: string, checked: string, outcome: CheckRecord["outcome"]): CheckRecord => ({
  id,
  url: `https://www.gov.example/zhengce/${id}.htm`,
  checked,
  outcome,
  http_status: outcome === "removed" ? 404 : outcome === "unreachable" ? null : 200,
  final_url: outcome === "unreachable" ? null : `https://www.gov.example/zhengce/${id}.htm`,
  sha256: outcome === "unchanged" || outcome === "changed" ? "0".repeat(64) : null,
});

describe("the ledger of checks", () => {
  it("appends whole lines that read back as they were written", () => {
    const archive = mkdtempSync(path.join(tmpdir(), "ledger-"));
    const writer = LedgerWriter.open(archive);
    const records = [
      check("2024-01-02-aaa", "2024-05-01T02:00:00.000Z", "unchanged"),
      check("2024-01-02-bbb", "2024-05-01T02:00:03.000Z", "removed"),
    ];
    for (const record of records) writer.append(record);
    writer.close();
    expect(readLedger(archive)).toEqual({ records, problems: [] });
    expect(readFileSync(ledgerFile(archive), "utf8").split("\n")).toHaveLength(3);
  });

  it("skips a torn last line with a warning, and the next run cuts it off before appending", () => {
    const archive = mkdtempSync(path.join(tmpdir(), "ledger-"));
    const writer = LedgerWriter.open(archive);
    writer.append(check("2024-01-02-aaa", "2024-05-01T02:00:00.000Z", "unchanged"));
    writer.close();
    // What a run killed in the middle of a write leaves.
    appendFileSync(ledgerFile(archive), '{"id":"2024-01-02-bbb","url":"https://www.gov.exa');
    const torn = readLedger(archive);
    expect(torn.records.map((record) => record.id)).toEqual(["2024-01-02-aaa"]);
    expect(torn.problems).toEqual([]);
    expect(torn.torn?.line).toBe(2);

    let cut = 0;
    const again = LedgerWriter.open(archive, (bytes) => (cut = bytes));
    again.append(check("2024-01-02-bbb", "2024-05-02T02:00:00.000Z", "changed"));
    again.close();
    expect(cut).toBeGreaterThan(0);
    const read = readLedger(archive);
    expect(read.torn).toBeUndefined();
    expect(read.problems).toEqual([]);
    expect(read.records.map((record) => record.id)).toEqual(["2024-01-02-aaa", "2024-01-02-bbb"]);
  });

  it("names lines that are not checks, by number", () => {
    const good = JSON.stringify(check("2024-01-02-aaa", "2024-05-01T02:00:00.000Z", "unchanged"));
    const bad = JSON.stringify({
      ...check("2024-01-02-bbb", "2024-05-01T02:00:00.000Z", "unchanged"),
      outcome: "gone",
    });
    const read = parseLedger(`${good}\nnot json\n${bad}\n`);
    expect(read.records).toHaveLength(1);
    expect(read.problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(read.problems[1]!.message).toContain("outcome");
  });
});

describe("what readers are told about an original", () => {
  it("says removed only after two removed checks at least a day apart, from the first of them", () => {
    const once = [check("a", "2024-05-01T02:00:00Z", "unchanged"), check("a", "2024-05-08T02:00:00Z", "removed")];
    expect(sourceStatus(once)).toMatchObject({ state: "unchanged", lastChecked: "2024-05-08" });
    const sameDay = [...once, check("a", "2024-05-08T20:00:00Z", "removed")];
    expect(sourceStatus(sameDay)?.state).toBe("unchanged");
    const twice = [...once, check("a", "2024-05-15T02:00:00Z", "removed")];
    expect(sourceStatus(twice)).toMatchObject({ state: "removed", removedOn: "2024-05-08", lastChecked: "2024-05-15" });
  });

  it("never counts unreachable as removed, nor a removal the page came back from", () => {
    const down = [check("a", "2024-05-01T02:00:00Z", "unreachable"), check("a", "2024-05-08T02:00:00Z", "unreachable")];
    expect(sourceStatus(down)).toMatchObject({ state: "unknown", lastOutcome: "unreachable" });
    const back = [
      check("a", "2024-05-01T02:00:00Z", "removed"),
      check("a", "2024-05-03T02:00:00Z", "changed"),
      check("a", "2024-05-08T02:00:00Z", "removed"),
    ];
    expect(sourceStatus(back)?.state).toBe("changed");
    expect(sourceStatus([])).toBeUndefined();
  });
});
