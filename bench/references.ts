// The references section of npm run bench: precision and recall of the links the site makes
// from 《》 titles and 本法第十二条 (src/lib/references/), on the judged set
// bench/judged/references.jsonl (sentences of ../shared/corpus/laws judged by reading).
import { hasCorpus } from "../tests/helpers/corpus.ts";
import { lawArchive, readJudgedReferences, scoreReferences, type LinkScore } from "../tests/helpers/references.ts";

const line = (name: string, score: LinkScore): string =>
  `  ${name.padEnd(34)} precision ${score.precision.toFixed(3)} (${score.correct} of ${score.made} made), ` +
  `recall ${score.recall.toFixed(3)} (${score.correct} of ${score.expected} expected)`;

/** Scores the judged references and formats the figures, with every wrong and missed link named. */
export async function measureReferences(): Promise<string[]> {
  if (!hasCorpus) return ["references: skipped, ../shared/corpus/laws is absent"];
  const judged = readJudgedReferences();
  const scores = scoreReferences(await lawArchive(), judged);
  const titles = judged.filter((judgedCase) => judgedCase.title !== undefined);
  return [
    `references: ${scores.cases} judged cases (${titles.length} 《》 titles, ${titles.filter((c) => c.expected === null).length} of them not in the archive; ${scores.cases - titles.length} 本法第N条)`,
    line("document links (《》 titles)", scores.documents),
    line("clause links (第N条, 本法第N条)", scores.clauses),
    line("all links", scores.all),
    ...scores.all.wrong.map((text) => `  wrong: ${text}`),
    ...scores.all.missed.map((text) => `  missed: ${text}`),
  ];
}
