import type { Rule } from "../script/rules.ts";
import type { Lexicon } from "../script/segmenter.ts";
import type { OpenccSteps } from "./opencc-steps.ts";
import { LEXICON_SHARDS, lexiconShard, type QueryRule, type QueryTable } from "./query-converter.ts";

/**
 * The query conversion table for one direction, trimmed to the archive: a dictionary entry
 * is kept when its key or its value occurs anywhere in the archive's text (in either
 * script, so the table is right before and after every article has pages in both). A
 * query made of text the archive contains is segmented and converted exactly as by the
 * full dictionaries, because every entry that could match inside it is kept; text the
 * archive never contains cannot be found anyway. Normalisation entries (compatibility
 * ideographs) are kept only when the archive has the ideograph itself. Override rules
 * are all kept: they are few.
 */
export function buildQueryTable(
  steps: OpenccSteps,
  rules: readonly Rule[],
  occurs: (text: string) => boolean,
): QueryTable {
  const keep = (key: string, value: string): boolean => occurs(key) || occurs(value);
  const chain = steps.chain.map((map) => trim(map, keep));
  const segmentation = steps.words ? new Map<string, string>() : trim(steps.segmentation, keep);
  return {
    normalization: steps.normalization.map((map) => encodeDictionary(trim(map, occurs))),
    chain: chain.map(encodeDictionary),
    segmentation: describeSegmentation(new Set(segmentation.keys()), chain),
    rules: rules.map(queryRule),
    ...(steps.words
      ? {
          words: {
            lexicon: encodeLexicon(steps.words.lexicon, occurs),
            learned: encodeDictionary(trim(steps.words.learned, keep)),
            personNames: [...steps.words.personNames].filter(occurs).join("|"),
          },
        }
      : {}),
  };
}

/**
 * Writes the words of a lexicon that occur in the archive in LEXICON_SHARDS parts by their
 * first code unit, each grouped by cost and then by first character:
 * `cost 首rest,rest;首rest|cost …` (a one-character word has an empty rest). A query made of archive text is segmented exactly as by the
 * whole lexicon, because every word that could be found inside it is kept.
 */
export function encodeLexicon(lexicon: Lexicon, occurs: (text: string) => boolean): string[] {
  const parts = Array.from({ length: LEXICON_SHARDS }, () => new Map<number, string[]>());
  for (const [word, cost] of lexicon.words()) {
    if (!occurs(word)) continue;
    const byCost = parts[lexiconShard(word.charCodeAt(0))];
    const list = byCost?.get(cost);
    if (list) list.push(word);
    else byCost?.set(cost, [word]);
  }
  return parts.map(encodeCostGroups);
}

function encodeCostGroups(byCost: Map<number, string[]>): string {
  return [...byCost]
    .sort((a, b) => a[0] - b[0])
    .map(([cost, words]) => {
      const byFirst = new Map<string, string[]>();
      for (const word of words.sort()) {
        const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
        const rests = byFirst.get(first);
        if (rests) rests.push(word.slice(first.length));
        else byFirst.set(first, [word.slice(first.length)]);
      }
      return `${cost} ${[...byFirst].map(([first, rests]) => first + rests.join(",")).join(";")}`;
    })
    .join("|");
}

/**
 * The characters that make a query worth converting: every character that some kept
 * entry or rule changes. A query without any of them converts to itself, so the browser
 * loads the table only for queries that have at least one.
 */
export function triggerCharacters(
  steps: OpenccSteps,
  rules: readonly Rule[],
  occurs: (text: string) => boolean,
): Set<string> {
  const chars = new Set<string>();
  const addChanged = (key: string, value: string): void => {
    const from = Array.from(key);
    const to = Array.from(value);
    from.forEach((char, i) => {
      if (from.length !== to.length || to[i] !== char) chars.add(char);
    });
  };
  for (const [key, value] of trim(
    steps.normalization.flatMap((map) => [...map]),
    occurs,
  ))
    addChanged(key, value);
  for (const [key, value] of trim(
    steps.chain.flatMap((map) => [...map]),
    (key, value) => occurs(key) || occurs(value),
  )) {
    addChanged(key, value);
  }
  for (const [key, value] of steps.words?.learned ?? []) if (occurs(key) || occurs(value)) addChanged(key, value);
  for (const rule of rules) addChanged(rule.term, rule.output);
  return chars;
}

/** Every string the tables could keep, keys and values, for the vocabulary scan. */
export function tablePatterns(steps: readonly OpenccSteps[]): Set<string> {
  const patterns = new Set<string>();
  for (const { normalization, segmentation, chain, words } of steps) {
    for (const map of [...normalization, segmentation, ...chain, ...(words ? [words.learned] : [])]) {
      for (const [key, value] of map) {
        patterns.add(key);
        patterns.add(value);
      }
    }
    for (const [word] of words?.lexicon.words() ?? []) patterns.add(word);
  }
  return patterns;
}

/**
 * Writes a dictionary in the format decodeDictionary reads: entries sorted and grouped by
 * first character, and a phrase whose value is its characters' own one-character entries
 * written without its value. Together this halves the gzipped size.
 */
export function encodeDictionary(map: ReadonlyMap<string, string>): string {
  const charwise = (key: string): string => Array.from(key, (char) => map.get(char) ?? char).join("");
  const groups = new Map<string, string[]>();
  for (const key of [...map.keys()].sort()) {
    const value = map.get(key) ?? "";
    const chars = Array.from(key);
    const first = chars[0] ?? "";
    const rest = chars.slice(1).join("");
    const item = chars.length > 1 && value === charwise(key) ? rest : `${rest} ${value}`;
    const group = groups.get(first);
    if (group) group.push(item);
    else groups.set(first, [item]);
  }
  return [...groups].map(([first, items]) => first + items.join(",")).join("|");
}

function trim(
  entries: Iterable<readonly [string, string]>,
  keep: (key: string, value: string) => boolean,
): Map<string, string> {
  const kept = new Map<string, string>();
  for (const [key, value] of entries) if (keep(key, value)) kept.set(key, value);
  return kept;
}

/** Names the conversion step whose longer keys are closest to the segmentation words, and the differences. */
function describeSegmentation(
  words: ReadonlySet<string>,
  chain: readonly ReadonlyMap<string, string>[],
): QueryTable["segmentation"] {
  let best = { group: -1, extra: [...words], missing: [] as string[] };
  chain.forEach((map, group) => {
    const keys = new Set([...map.keys()].filter((key) => Array.from(key).length > 1));
    const extra = [...words].filter((word) => !keys.has(word));
    const missing = [...keys].filter((key) => !words.has(key));
    if (extra.length + missing.length < best.extra.length + best.missing.length) best = { group, extra, missing };
  });
  return { group: best.group, extra: best.extra.sort().join("|"), missing: best.missing.sort().join("|") };
}

function queryRule(rule: Rule): QueryRule {
  const output = rule.kind === "protect" ? null : rule.output;
  return rule.notAfter ? [rule.term, output, rule.notAfter.source] : [rule.term, output];
}
