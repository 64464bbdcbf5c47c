import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeArticleId } from "../../../src/lib/article/ids.ts";
import { finishDraft, idSeed } from "../../../src/lib/import/article.ts";
import { readRawCopy } from "../../../src/lib/import/raw.ts";
import { runCli, SAMPLE_AS_IMPORTED, TAIYUAN, tempDir } from "./helpers.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const sample = SAMPLE_AS_IMPORTED;

describe.skipIf(!hasCorpus)("the Taiyuan raw copy", () => {
  it("imports to exactly the sample article", () => {
    const finished = finishDraft(readRawCopy(readFileSync(TAIYUAN, "utf8")));
    if (!finished.ok) throw new Error(finished.problems.join("\n"));
    expect(finished.article.file).toBe("articles/2020/03/2020-03-04-1h89qg.md");
    expect(finished.article.text).toBe(sample);
    expect(finished.article.warnings).toEqual([]);
  });

  it("gets the id the sample was given, from the day, the source and the kicker", () => {
    const draft = readRawCopy(readFileSync(TAIYUAN, "utf8"));
    expect(idSeed(draft.fields)).toBe("山西日報\n樓陽生對脫貧攻堅提出要求");
    expect(makeArticleId("2020-03-04", idSeed(draft.fields))).toBe("2020-03-04-1h89qg");
  });

  it("imports to the same bytes through the command, into a fresh archive", { timeout: 180_000 }, () => {
    const archive = tempDir();
    const run = runCli(["--archive", archive, TAIYUAN]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const written = path.join(archive, "articles/2020/03/2020-03-04-1h89qg.md");
    expect(readFileSync(written, "utf8")).toBe(sample);
    expect(run.stdout).toMatch(/wrote .*2020-03-04-1h89qg\.md .*108 pinyin annotations removed/);
    expect(run.stdout).toContain("Summary: 1 written, 0 skipped, 0 warnings, 0 errors");
  });
});
