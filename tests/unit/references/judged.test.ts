import { describe, expect, it } from "vitest";
import { hasCorpus } from "../../helpers/corpus.ts";
import { lawArchive, readJudgedReferences, scoreReferences } from "../../helpers/references.ts";

const judged = readJudgedReferences();

if (!hasCorpus) console.warn("references: the judged set needs ../shared/corpus/laws, absent here: skipped");

describe("the judged set of references", () => {
  it("holds at least 150 cases, titles the archive lacks among them", () => {
    expect(judged.length).toBeGreaterThanOrEqual(150);
    expect(judged.filter((judgedCase) => judgedCase.title && judgedCase.expected === null).length).toBeGreaterThan(40);
    expect(judged.filter((judgedCase) => judgedCase.reference).length).toBeGreaterThan(20);
  });

  it.skipIf(!hasCorpus)(
    "links documents and clauses with precision ≥ 0.98 and recall ≥ 0.90 (needs the laws corpus)",
    async () => {
      const scores = scoreReferences(await lawArchive(), judged);
      // The sentences linked wrongly or missed are named on failure.
      expect(scores.documents.precision, scores.documents.wrong.join("\n")).toBeGreaterThanOrEqual(0.98);
      expect(scores.clauses.precision, scores.clauses.wrong.join("\n")).toBeGreaterThanOrEqual(0.98);
      expect(scores.documents.recall, scores.documents.missed.join("\n")).toBeGreaterThanOrEqual(0.9);
      expect(scores.clauses.recall, scores.clauses.missed.join("\n")).toBeGreaterThanOrEqual(0.9);
    },
  );
});
