import { clausesAt, ownClauses } from "./clauses.ts";
import { findTitles, titleKey } from "./titles.ts";
import type { Reference, ReferenceResolver } from "./types.ts";

/** The article whose text is searched for references. */
export interface CitingArticle {
  id: string;
  title: string;
  /** Its day (YYYY-MM-DD): the version of a cited document in force then is linked. */
  day: string;
  /** The script it is written in (hans, hant), when known: short titles name documents in that script only. */
  script?: string | undefined;
}

/**
 * Titles of documents that quote the text of another (amendments, decisions to amend or
 * repeal): their 本法 is the amended law's, not their own, so they get no links to their own clauses.
 */
const QUOTES_OTHER_LAW = /修正|修改|修订|修訂|废止|廢止/u;

// A short name given to a title where it is first cited: 《……的安排》（以下简称《安排》）.
const ALIAS = /^[（(]以下[简簡]称《([^《》]{1,40})》[）)]/u;

/**
 * The references in a text, in order: each 《》 title naming a document in the archive; the
 * clauses named right after it (第十二条), when that version had taken effect by the article's
 * day and has them; and the clauses the article names as its own (本法第十二条), when it has
 * them (`ownAnchors`). A title naming the citing article itself is not linked. A short name
 * the text gives a title (（以下简称《安排》）) names the same document from there on;
 * `aliases` carries them from one piece of an article's text to the next.
 */
export function findReferences(
  text: string,
  citing: CitingArticle,
  resolver: ReferenceResolver,
  ownAnchors: ReadonlySet<string>,
  aliases: Map<string, string | undefined> = new Map(),
): Reference[] {
  const found: Reference[] = [];
  // The end of the last short name given, whose own 《》 is not a reference.
  let aliasEnd = 0;
  for (const span of findTitles(text)) {
    if (span.start < aliasEnd) continue;
    const alias = ALIAS.exec(text.slice(span.end, span.end + 50));
    const clauses = clausesAt(text, span.end + (alias?.[0].length ?? 0));
    const key = titleKey(span.title);
    const target = aliases.has(key)
      ? aliases.get(key)
      : resolver.resolve(span.title, citing.day, clauses[0]?.anchor, citing.script);
    if (alias?.[1]) {
      // Also when the title names nothing: the short name then names nothing either.
      aliases.set(titleKey(alias[1]), target);
      aliasEnd = span.end + alias[0].length;
    }
    if (target === undefined) continue;
    const self = target === citing.id;
    if (!self) found.push({ start: span.start, end: span.end, kind: "document", target });
    // Clauses are renumbered by amendments: a clause is linked only in the version the text cited.
    if (!self && !resolver.inForceOn(target, citing.day)) continue;
    for (const clause of clauses) {
      if (self ? !ownAnchors.has(clause.anchor) : !resolver.hasAnchor(target, clause.anchor)) break;
      found.push({ start: clause.start, end: clause.end, kind: "clause", target, anchor: clause.anchor });
    }
  }
  if (!QUOTES_OTHER_LAW.test(citing.title)) {
    for (const clause of ownClauses(text)) {
      if (!ownAnchors.has(clause.anchor)) continue;
      found.push({ start: clause.start, end: clause.end, kind: "clause", target: citing.id, anchor: clause.anchor });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The documents an article cites by title, with how many times each: what its page will
 * link to, found without rendering it (its own clauses aside, which cite nothing else).
 */
export function citedDocuments(text: string, citing: CitingArticle, resolver: ReferenceResolver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reference of findReferences(text, citing, resolver, NO_ANCHORS)) {
    if (reference.kind === "document") counts.set(reference.target, (counts.get(reference.target) ?? 0) + 1);
  }
  return counts;
}

const NO_ANCHORS: ReadonlySet<string> = new Set();
