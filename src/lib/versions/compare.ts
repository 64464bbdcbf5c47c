import { diffArrays, diffChars } from "diff";
import type { Clause } from "../markdown/structure.ts";

/** What happened to one clause between two versions. */
export type ChangeKind = "added" | "removed" | "changed" | "renumbered" | "unchanged";

/** A stretch of a changed clause's text: kept, deleted from the older version or inserted in the newer. */
export interface TextPart {
  kind: "same" | "del" | "ins";
  text: string;
}

/** One clause of either version and what became of it. */
export interface ClauseChange {
  kind: ChangeKind;
  older?: Clause;
  newer?: Clause;
  /** The text, with deletions and insertions marked for a changed clause. */
  parts: TextPart[];
}

/** How alike two clauses must be (share of character pairs) to count as one clause changed. */
const SAME_CLAUSE_SIMILARITY = 0.5;

/**
 * Compares two versions clause by clause. Clauses with the same text are paired first
 * (in order, so moved text does not scramble the pairing); between those, a removed and
 * an added clause that are alike enough are one clause changed. A changed clause's text
 * is compared character by character, giving the fewest deleted and inserted characters.
 */
export function compareClauses(older: readonly Clause[], newer: readonly Clause[]): ClauseChange[] {
  const [olderWhole] = older;
  const [newerWhole] = newer;
  if (older.length === 1 && newer.length === 1 && olderWhole?.label === "" && newerWhole?.label === "") {
    // Documents without clauses: one text against the other, however much it changed.
    const same = olderWhole.text === newerWhole.text;
    return [
      {
        kind: same ? "unchanged" : "changed",
        older: olderWhole,
        newer: newerWhole,
        parts: same ? [{ kind: "same", text: newerWhole.text }] : characterChanges(olderWhole.text, newerWhole.text),
      },
    ];
  }
  const changes: ClauseChange[] = [];
  let removed: Clause[] = [];
  let added: Clause[] = [];
  const flushGap = () => {
    changes.push(...pairGap(removed, added));
    removed = [];
    added = [];
  };
  let olderAt = 0;
  let newerAt = 0;
  for (const part of diffArrays([...older], [...newer], { comparator: (a, b) => a.text === b.text })) {
    const count = part.value.length;
    if (part.removed) {
      removed.push(...older.slice(olderAt, (olderAt += count)));
    } else if (part.added) {
      added.push(...newer.slice(newerAt, (newerAt += count)));
    } else {
      flushGap();
      const before = older.slice(olderAt, (olderAt += count));
      const after = newer.slice(newerAt, (newerAt += count));
      after.forEach((clause, i) => {
        const was = before[i]!;
        changes.push({
          kind: was.label === clause.label ? "unchanged" : "renumbered",
          older: was,
          newer: clause,
          parts: [{ kind: "same", text: clause.text }],
        });
      });
    }
  }
  flushGap();
  return changes;
}

/** Pairs the removed and added clauses of one gap, in order, by likeness. */
function pairGap(removed: readonly Clause[], added: readonly Clause[]): ClauseChange[] {
  const changes: ClauseChange[] = [];
  const addedPairs = added.map((clause) => characterPairs(clause.text));
  let nextAdded = 0;
  for (const before of removed) {
    const beforePairs = characterPairs(before.text);
    let best = -1;
    let bestScore = SAME_CLAUSE_SIMILARITY;
    for (let j = nextAdded; j < added.length; j++) {
      const score = similarity(beforePairs, addedPairs[j]!);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) {
      changes.push({ kind: "removed", older: before, parts: [{ kind: "del", text: before.text }] });
      continue;
    }
    for (const after of added.slice(nextAdded, best)) {
      changes.push({ kind: "added", newer: after, parts: [{ kind: "ins", text: after.text }] });
    }
    const after = added[best]!;
    changes.push({ kind: "changed", older: before, newer: after, parts: characterChanges(before.text, after.text) });
    nextAdded = best + 1;
  }
  for (const after of added.slice(nextAdded)) {
    changes.push({ kind: "added", newer: after, parts: [{ kind: "ins", text: after.text }] });
  }
  return changes;
}

/** The deleted and inserted characters that turn one text into the other (fewest possible). */
export function characterChanges(before: string, after: string): TextPart[] {
  return diffChars(before, after).map((part) => ({
    kind: part.added ? "ins" : part.removed ? "del" : "same",
    text: part.value,
  }));
}

/** Each pair of adjacent characters of a text, with how often it occurs. */
function characterPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/** Dice similarity of two texts' character pairs: 1 for the same pairs, 0 for none in common. */
function similarity(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [pair, count] of right) {
    total += count;
    shared += Math.min(count, left.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How many clauses of each kind a comparison holds. */
export function countChanges(changes: readonly ClauseChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0, renumbered: 0, unchanged: 0 };
  for (const change of changes) counts[change.kind]++;
  return counts;
}
