import type { Rule } from "../script/rules.ts";
import type { OpenccSteps } from "./opencc-steps.ts";
import type { QueryRule, QueryTable } from "./query-converter.ts";

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
  const segmentation = trim(steps.segmentation, keep);
  return {
    normalization: steps.normalization.map((map) => encodeDictionary(trim(map, occurs))),
    chain: chain.map(encodeDictionary),
    segmentation: describeSegmentation(new Set(segmentation.keys()), chain),
    rules: rules.map(queryRule),
  };
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
  for (const rule of rules) addChanged(rule.term, rule.output);
  return chars;
}

/** Every string the tables could keep, keys and values, for the vocabulary scan. */
export function tablePatterns(steps: readonly OpenccSteps[]): Set<string> {
  const patterns = new Set<string>();
  for (const { normalization, segmentation, chain } of steps) {
    for (const map of [...normalization, segmentation, ...chain]) {
      for (const [key, value] of map) {
        patterns.add(key);
        patterns.add(value);
      }
    }
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
