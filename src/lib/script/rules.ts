import type { ConversionRules } from "../article/schema.ts";
import { isLowSurrogate } from "./code-points.ts";
import type { Direction } from "./direction.ts";

/** Where a rule comes from; later layers win over earlier ones for the same term. */
export type RuleLayer = "builtin" | "site" | "article";

/** The layers in order of precedence, weakest first. */
export const RULE_LAYERS: readonly RuleLayer[] = ["builtin", "site", "article"];

/** One override, ready to match in one direction. */
export interface Rule {
  layer: RuleLayer;
  /** `protect` keeps the term as written; `pair` replaces it with the other script's spelling. */
  kind: "protect" | "pair";
  /** The text matched in the source (for a pair: its spelling in the source script). */
  term: string;
  /** What the term becomes; for `protect`, the term itself. */
  output: string;
  /** Why a built-in rule exists, or the file a site rule came from. */
  note?: string;
  /** Built-in rules only: the rule does not fire right after a character this matches (余 after a number means "more than"). */
  notAfter?: RegExp;
}

/** Rules from one layer, as written by a maintainer or shipped with the project. */
export interface RuleSource {
  layer: RuleLayer;
  rules: ConversionRules;
  note?: string;
  notAfter?: RegExp;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  rule?: Rule;
}

/** A compiled set of rules: one per term, matched longest first. */
export interface RuleSet {
  /** Every rule that can fire, one per term, in layer order. */
  readonly rules: readonly Rule[];
  /** The longest rule whose term starts at `index`, with the end of the match. */
  match(text: string, index: number): { rule: Rule; end: number } | undefined;
}

/** A rule set that never matches, so callers need no special case. */
export const EMPTY_RULES: RuleSet = { rules: [], match: () => undefined };

/**
 * Compiles rule layers for one direction. A later layer replaces an earlier one's rule
 * for the same term; inside one layer a pair replaces a protect for the same term,
 * because a pair is the more specific instruction. `prepare` lets the converter
 * normalise terms the same way it normalises text.
 */
export function compileRules(
  sources: readonly RuleSource[],
  direction: Direction,
  prepare: (term: string) => string = (term) => term,
): RuleSet {
  const byTerm = new Map<string, Rule>();
  const ordered = [...sources].sort((a, b) => RULE_LAYERS.indexOf(a.layer) - RULE_LAYERS.indexOf(b.layer));
  for (const { layer, rules, note, notAfter } of ordered) {
    const extra = { ...(note === undefined ? {} : { note }), ...(notAfter === undefined ? {} : { notAfter }) };
    for (const term of rules.protect ?? []) {
      const prepared = prepare(term);
      byTerm.delete(prepared);
      byTerm.set(prepared, { layer, kind: "protect", term: prepared, output: term, ...extra });
    }
    for (const pair of rules.pairs ?? []) {
      const [source, output] = direction.to === "hant" ? [pair.hans, pair.hant] : [pair.hant, pair.hans];
      const prepared = prepare(source);
      byTerm.delete(prepared);
      byTerm.set(prepared, { layer, kind: "pair", term: prepared, output, ...extra });
    }
  }
  if (byTerm.size === 0) return EMPTY_RULES;

  // A trie over UTF-16 code units: matching is a walk from the start position, so
  // the cost per character does not grow with the number of rules.
  const root: TrieNode = { next: new Map() };
  for (const rule of byTerm.values()) {
    let node = root;
    for (let i = 0; i < rule.term.length; i++) {
      const unit = rule.term.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.rule = rule;
  }
  return {
    rules: [...byTerm.values()],
    match(text, index) {
      let node: TrieNode | undefined = root;
      let found: { rule: Rule; end: number } | undefined;
      for (let i = index; i < text.length; i++) {
        node = node.next.get(text.charCodeAt(i));
        if (!node) break;
        if (node.rule && !(node.rule.notAfter && index > 0 && node.rule.notAfter.test(text.charAt(index - 1)))) {
          found = { rule: node.rule, end: i + 1 };
        }
      }
      // Never end a match between the halves of a surrogate pair.
      return found && isLowSurrogate(text.charCodeAt(found.end)) ? undefined : found;
    },
  };
}

/** Whether a set of rules from front matter or a file holds no rules at all. */
export function isEmptyRules(rules: ConversionRules | undefined): boolean {
  return !rules || ((rules.protect?.length ?? 0) === 0 && (rules.pairs?.length ?? 0) === 0);
}
