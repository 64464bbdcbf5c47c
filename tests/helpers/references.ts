import { readFileSync } from "node:fs";
import path from "node:path";
import { findReferences } from "../../src/lib/references/find.ts";
import { clauseAnchors } from "../../src/lib/references/anchors.ts";
import { buildReferenceResolver } from "../../src/lib/references/resolver.ts";
import type { ReferableDocument, ReferenceResolver } from "../../src/lib/references/types.ts";
import { ROOT } from "./archive.ts";
import { lawFiles, readLaw, versionSets, type LawFile } from "./laws.ts";

/** The laws corpus as an archive of documents to cite, each identified by its file (relative to the laws folder). */
export interface LawArchive {
  laws: Map<string, LawFile>;
  documents: ReferableDocument[];
  resolver: ReferenceResolver;
  anchors: Map<string, Set<string>>;
}

/**
 * Every law of the corpus (section index pages aside) as a document: its file as its id,
 * the day in its file name or history as its day, versions of one title linked oldest to newest.
 * A law filed twice under two sections (广告法 under 行政法 and 经济法, one version of one
 * title, their layout a little different) is kept once, under its first file: an archive
 * holds a document once.
 */
export async function lawArchive(): Promise<LawArchive> {
  const seen = new Set<string>();
  const laws = new Map<string, LawFile>();
  for (const file of await lawFiles()) {
    if (file.endsWith("_index.md")) continue;
    const law = readLaw(file);
    const identity = `${law.title}\n${law.day}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    laws.set(file, law);
  }
  const files = [...laws.keys()];
  const previous = new Map<string, string>();
  for (const set of await versionSets()) {
    const kept = set.filter((file) => laws.has(file));
    kept.forEach((file, i) => i > 0 && previous.set(file, kept[i - 1]!));
  }
  const documents = files.map((file) => {
    const law = laws.get(file)!;
    return { id: file, title: law.title, day: law.day ?? "2000-01-01", supersedes: previous.get(file), script: "hans" };
  });
  const anchors = new Map(files.map((file) => [file, clauseAnchors(laws.get(file)!.body)]));
  return { laws, documents, anchors, resolver: buildReferenceResolver(documents, (id) => anchors.get(id)) };
}

/** The judged references (bench/judged/references.jsonl): sentences of the laws corpus and what each cites. */
export const JUDGED_REFERENCES = path.join(ROOT, "bench/judged/references.jsonl");

/** One judged reference: a 《》 title (or 本法第N条) in a sentence of a law, and the file it names, if archived. */
export interface JudgedReference {
  /** The law the sentence is from, relative to the laws folder. */
  citing: string;
  day: string;
  sentence: string;
  /** The title judged, without 《》; absent for a document's reference to its own clause. */
  title?: string;
  /** The reference to the document's own clause judged (本法第十二条). */
  reference?: string;
  /** The file the reference names, or null when the archive does not hold it. */
  expected: string | null;
  /** The clause anchor a link should lead to, when one is judged; null when none should be linked. */
  clause?: string | null;
  note?: string;
}

/** Links made against links expected: counts and the cases that went wrong. */
export interface LinkScore {
  expected: number;
  made: number;
  correct: number;
  precision: number;
  recall: number;
  wrong: string[];
  missed: string[];
}

/** How the reference finder does on the judged set: document links (titles), clause links, and all links. */
export interface ReferenceScores {
  cases: number;
  documents: LinkScore;
  clauses: LinkScore;
  all: LinkScore;
}

/** Reads the judged references. */
export function readJudgedReferences(): JudgedReference[] {
  return readFileSync(JUDGED_REFERENCES, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as JudgedReference);
}

/** Runs the reference finder on every judged sentence, as the site would in the citing law's page. */
export function scoreReferences(archive: LawArchive, judged: readonly JudgedReference[]): ReferenceScores {
  const tally = () => ({ expected: 0, made: 0, correct: 0, wrong: [] as string[], missed: [] as string[] });
  const documents = tally();
  const clauses = tally();
  const count = (score: ReturnType<typeof tally>, expected: string | null, made: string | null, what: string) => {
    if (expected !== null) score.expected++;
    if (made !== null) score.made++;
    if (made !== null && made === expected) score.correct++;
    else if (made !== null) score.wrong.push(`${what}: linked ${made}, expected ${expected ?? "no link"}`);
    else if (expected !== null) score.missed.push(`${what}: expected ${expected}`);
  };
  for (const judgedCase of judged) {
    const { citing, day, sentence } = judgedCase;
    const citingArticle = { id: citing, title: archive.laws.get(citing)?.title ?? "", day, script: "hans" };
    // A law filed twice is archived once; its second file still has its own clauses.
    const ownAnchors = archive.anchors.get(citing) ?? clauseAnchors(readLaw(citing).body);
    const found = findReferences(sentence, citingArticle, archive.resolver, ownAnchors);
    const at = (kind: string, start: number) => found.find((ref) => ref.kind === kind && ref.start === start);
    const clauseAt = (start: number) => {
      const ref = at("clause", start) ?? at("clause", start + 1);
      return ref ? `${ref.target}#${ref.anchor}` : null;
    };
    if (judgedCase.title !== undefined) {
      const start = sentence.indexOf(`《${judgedCase.title}》`);
      const what = `《${judgedCase.title}》 in ${citing}`;
      count(documents, judgedCase.expected, at("document", start)?.target ?? null, what);
      if (judgedCase.clause !== undefined) {
        const expected = judgedCase.clause && judgedCase.expected && `${judgedCase.expected}#${judgedCase.clause}`;
        count(clauses, expected || null, clauseAt(start + judgedCase.title.length + 2), `${what} clause`);
      }
    } else if (judgedCase.reference !== undefined) {
      const start = sentence.indexOf(judgedCase.reference) + judgedCase.reference.indexOf("第");
      const expected = judgedCase.clause && judgedCase.expected && `${judgedCase.expected}#${judgedCase.clause}`;
      count(clauses, expected || null, clauseAt(start), `${judgedCase.reference} in ${citing}`);
    }
  }
  const finish = (score: ReturnType<typeof tally>): LinkScore => ({
    ...score,
    precision: score.made === 0 ? 1 : score.correct / score.made,
    recall: score.expected === 0 ? 1 : score.correct / score.expected,
  });
  const all = tally();
  for (const score of [documents, clauses]) {
    all.expected += score.expected;
    all.made += score.made;
    all.correct += score.correct;
    all.wrong.push(...score.wrong);
    all.missed.push(...score.missed);
  }
  return { cases: judged.length, documents: finish(documents), clauses: finish(clauses), all: finish(all) };
}
