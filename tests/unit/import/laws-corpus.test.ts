import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive, type ArchiveLoad } from "../../../src/lib/article/load.ts";
import { runImport, type ImportEvent, type ImportSummary } from "../../../src/lib/import/importer.ts";
import { buildVersionChains } from "../../../src/lib/versions/chain.ts";
import { LAWS_DIR, lawFiles, versionSets } from "../../helpers/laws.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

// The whole law corpus (../shared/corpus/laws) imported into an empty archive, as a maintainer would.
describe.skipIf(!hasCorpus)("importing the law corpus", { timeout: 600_000 }, () => {
  let archive: string;
  let events: ImportEvent[];
  let summary: ImportSummary;
  let undated: ImportSummary;
  let loaded: ArchiveLoad;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    archive = mkdtempSync(path.join(tmpdir(), "import-laws-"));
    events = [];
    summary = await runImport([LAWS_DIR], { archive }, { event: (event) => events.push(event) });
    // Case studies carry no date at all: a date for the run imports them.
    const noDate = events.filter((event) => event.kind === "error").map((event) => event.input);
    undated = await runImport(
      noDate,
      { archive, fields: { date: "2024-01-01" } },
      { event: (event) => events.push(event) },
    );
    for (const event of events)
      if (event.kind === "written") idOf.set(path.relative(LAWS_DIR, event.input), path.basename(event.path, ".md"));
    loaded = await loadArchive(archive);
  }, 600_000);
  afterAll(() => rmSync(archive, { recursive: true, force: true }));

  it("imports every document, and says by name why a file was not imported", async () => {
    const files = await lawFiles();
    expect(files).toHaveLength(1555);
    const reasons = new Map<string, string>();
    for (const event of events) {
      if (event.kind === "skipped" || (event.kind === "error" && !idOf.has(path.relative(LAWS_DIR, event.input))))
        reasons.set(path.relative(LAWS_DIR, event.input), event.kind === "skipped" ? event.reason : event.message);
    }
    // Every file is either an article now or named with its reason.
    for (const file of files) expect(idOf.has(file) || reasons.has(file), file).toBe(true);
    const index = files.filter((file) => path.basename(file) === "_index.md");
    expect(index).toHaveLength(20);
    for (const file of index) expect(reasons.get(file)).toMatch(/front matter and no text/);
    // The rest not written are the same document under a second name: same title and day.
    const others = [...reasons].filter(([file]) => !index.includes(file));
    for (const [file, reason] of others) expect(reason, file).toMatch(/same title and day|same id/);
    expect(idOf.size + index.length + others.length).toBe(1555);
    expect(idOf.size).toBeGreaterThanOrEqual(1515);
    expect(summary.errors).toBe(53);
    expect(undated).toMatchObject({ written: 53, errors: 0 });
  });

  it("passes the archive check", () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles).toHaveLength(idOf.size);
  });

  it("chains the versions of each of the 60 titles, oldest first", async () => {
    const sets = await versionSets();
    expect(sets).toHaveLength(60);
    const chains = buildVersionChains(loaded.articles.map((article) => article.meta));
    const dateOf = new Map(loaded.articles.map((article) => [article.meta.id, article.meta.date.iso]));
    for (const set of sets) {
      const ids = [...new Set(set.map((file) => idOf.get(file)).filter((id) => id !== undefined))];
      expect(ids.length, set.join()).toBeGreaterThanOrEqual(2);
      const chain = chains.chainOf(ids[0]!)?.map((meta) => meta.id);
      expect(chain, set.join()).toBeDefined();
      expect([...chain!].sort(), set.join()).toEqual([...ids].sort());
      const dates = chain!.map((id) => dateOf.get(id)!);
      expect(dates).toEqual([...dates].sort());
    }
  });
});
