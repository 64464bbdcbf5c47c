import { clauseAnchors } from "../../src/lib/references/anchors.ts";
import { buildReferenceResolver } from "../../src/lib/references/resolver.ts";
import type { ReferableDocument, ReferenceResolver } from "../../src/lib/references/types.ts";
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
 * A law filed twice under two sections (广告法 under 行政法 and 经济法) is kept once, under
 * its first file: an archive holds a document once.
 */
export async function lawArchive(): Promise<LawArchive> {
  const seen = new Set<string>();
  const laws = new Map<string, LawFile>();
  for (const file of await lawFiles()) {
    if (file.endsWith("_index.md")) continue;
    const law = readLaw(file);
    const identity = `${law.title}\n${law.day}\n${law.body}`;
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
    return { id: file, title: law.title, day: law.day ?? "2000-01-01", supersedes: previous.get(file) };
  });
  const anchors = new Map(files.map((file) => [file, clauseAnchors(laws.get(file)!.body)]));
  return { laws, documents, anchors, resolver: buildReferenceResolver(documents, (id) => anchors.get(id)) };
}
