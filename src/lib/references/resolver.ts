import { buildVersionChains } from "../versions/chain.ts";
import { shortTitleKey, titleKey } from "./titles.ts";
import type { ReferableDocument, ReferenceResolver } from "./types.ts";

/**
 * Looks titles up among the archive's documents. A title names a document when it is the
 * document's title (in either script), or its title without 中华人民共和国 (the short title
 * laws are cited by). The versions of one document (linked by `supersedes`) share a title:
 * the one in force on the citing day is chosen, the first version when the day is earlier
 * than all of them. A title shared by documents that are not versions of one another (the
 * yearly 政府工作报告, the many 国务院关于修改部分行政法规的决定) names none, a link would
 * be a guess; unless a clause is cited with it and only one of them has that clause (the
 * books of the 民法典, archived apart under one title, number their clauses on from one another).
 * A short title names a document written in the citing text's script only: in Traditional
 * script 《憲法》 is as likely Taiwan's or Macao's as the 中华人民共和国宪法, whose full
 * title still finds it from either script.
 */
export function buildReferenceResolver(
  documents: readonly ReferableDocument[],
  anchorsOf: (id: string) => ReadonlySet<string> | undefined,
): ReferenceResolver {
  const chains = buildVersionChains(documents);
  // Each chain is one document; a document without other versions is a chain of one.
  const chainOf = (document: ReferableDocument): readonly ReferableDocument[] =>
    chains.chainOf(document.id) ?? [document];
  const full = new Map<string, Set<readonly ReferableDocument[]>>();
  const short = new Map<string, Set<readonly ReferableDocument[]>>();
  const add = (
    map: Map<string, Set<readonly ReferableDocument[]>>,
    key: string,
    chain: readonly ReferableDocument[],
  ) => {
    const set = map.get(key);
    if (set) set.add(chain);
    else map.set(key, new Set([chain]));
  };
  for (const document of documents) {
    const chain = chainOf(document);
    const key = titleKey(document.title);
    add(full, key, chain);
    const shortKey = shortTitleKey(key);
    if (shortKey) add(short, shortKey, chain);
  }
  const starts = (document: ReferableDocument): string => document.effective ?? document.day;
  const sorted = new Map<readonly ReferableDocument[], ReferableDocument[]>();
  const byStart = (chain: readonly ReferableDocument[]): ReferableDocument[] => {
    let list = sorted.get(chain);
    if (!list) {
      // The chain's order, unless the stated days say otherwise.
      list = chain
        .map((document, i) => ({ document, i }))
        .sort((a, b) => starts(a.document).localeCompare(starts(b.document)) || a.i - b.i)
        .map(({ document }) => document);
      sorted.set(chain, list);
    }
    return list;
  };
  // A title is looked up among full titles, then among short titles; a title with 中华人民共和国
  // also by its short form, so that a document archived under its short title is found.
  const lookup = (key: string, script: string | undefined): Set<readonly ReferableDocument[]> | undefined => {
    const byFull = full.get(key);
    if (byFull) return byFull;
    const byShort = short.get(key);
    if (byShort) {
      const sameScript = [...byShort].filter(
        (chain) => script === undefined || chain[0]?.script === undefined || chain[0].script === script,
      );
      return sameScript.length > 0 ? new Set(sameScript) : undefined;
    }
    return full.get(shortTitleKey(key) ?? "");
  };
  const inForce = (chain: readonly ReferableDocument[], day: string): string | undefined => {
    const versions = byStart(chain);
    return (versions.findLast((version) => starts(version) <= day) ?? versions[0])?.id;
  };
  const hasAnchor = (id: string, anchor: string): boolean => anchorsOf(id)?.has(anchor) ?? false;
  const byId = new Map(documents.map((document) => [document.id, document]));
  return {
    resolve(title, day, anchor, script) {
      const chains = lookup(titleKey(title), script);
      if (!chains) return undefined;
      const candidates = [...chains].map((chain) => inForce(chain, day));
      if (candidates.length === 1) return candidates[0];
      const withClause = anchor ? candidates.filter((id) => id !== undefined && hasAnchor(id, anchor)) : [];
      return withClause.length === 1 ? withClause[0] : undefined;
    },
    hasAnchor,
    inForceOn(id, day) {
      const document = byId.get(id);
      return document !== undefined && starts(document) <= day;
    },
  };
}
