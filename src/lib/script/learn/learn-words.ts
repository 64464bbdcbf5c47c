import { AMBIGUOUS_TO_HANT } from "../ambiguous-chars.ts";
import type { Lexicon } from "../segmenter.ts";
import { isNotLearned } from "./variants.ts";

/** A learned conversion: a Simplified word (or a word with its neighbour) and its Traditional form. */
export interface LearnedWord {
  hans: string;
  hant: string;
  /** Times the training text wrote it as `hant`. */
  count: number;
  /** Times it occurred in the training text. */
  total: number;
}

/** What learning needs: the segmentation and the conversion it corrects. */
export interface LearnSetup {
  lexicon: Lexicon;
  /** OpenCC's conversion of one word on its own. */
  convertWord: (word: string) => string;
  /** Least times a form must be seen to be learned. */
  minCount: number;
  /** Least share of a word's occurrences that must agree on the form. */
  minShare: number;
}

type Tally = Map<string, Map<string, number>>;

/**
 * Learns word conversions from aligned Simplified/Traditional lines (the Traditional
 * original and its character-by-character Simplified form). Every word of the
 * segmentation whose usual Traditional form (seen at least minCount times, in at least
 * minShare of its occurrences) differs from OpenCC's conversion is learned. A single
 * character is never learned alone, only with its neighbour word (准 + 予 as 准予), so
 * its context decides. Differences that are only accepted variant or register pairs
 * (variants.ts) are not learned. Also counts, for each ambiguous character (and any other
 * that OpenCC once got wrong) standing alone as a word, how often OpenCC's form was the
 * right one: the ambiguity report flags lone characters whose form is not reliable.
 */
/** How often a character standing alone as a word was written as OpenCC writes it. */
export interface SingleStat {
  char: string;
  /** Times the training text wrote it as OpenCC's conversion does (accepted variants count as the same). */
  same: number;
  total: number;
}

/** What learning found: the word conversions, and how reliable OpenCC is for lone characters. */
export interface Learned {
  words: LearnedWord[];
  singles: SingleStat[];
}

export function learnWords(lines: Iterable<{ hans: string; hant: string }>, setup: LearnSetup): Learned {
  const words: Tally = new Map();
  const pairs: Tally = new Map();
  const aligned = [...lines].filter(({ hans, hant }) => hans.length === hant.length);
  const candidates = new Set<string>();
  const singles = new Map<string, SingleStat>();
  const segmented = aligned.map(({ hans, hant }) => {
    const route = setup.lexicon.route(hans);
    const cuts: number[] = [0];
    for (let i = 0; i < hans.length; i = route[i] ?? hans.length) cuts.push(route[i] ?? hans.length);
    return { hans, hant, cuts };
  });
  // First pass: every word, and the neighbour pairs around single characters that came out wrong.
  for (const { hans, hant, cuts } of segmented) {
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k] ?? 0, cuts[k + 1] ?? 0];
      const word = hans.slice(from, to);
      add(words, word, hant.slice(from, to));
      const wrong = differs(setup.convertWord(word), hant.slice(from, to));
      if (to - from === 1 && /\p{Script=Han}/u.test(word)) {
        const stat = singles.get(word) ?? { char: word, same: 0, total: 0 };
        stat.total++;
        if (!wrong) stat.same++;
        singles.set(word, stat);
      }
      if (to - from === 1 && wrong) {
        if (k > 0) candidates.add(hans.slice(cuts[k - 1] ?? 0, to));
        if (k + 2 < cuts.length) candidates.add(hans.slice(from, cuts[k + 2] ?? 0));
      }
    }
  }
  // Second pass: every occurrence of a candidate pair as two consecutive words.
  for (const { hans, hant, cuts } of segmented) {
    for (let k = 0; k + 2 < cuts.length; k++) {
      const [from, to] = [cuts[k] ?? 0, cuts[k + 2] ?? 0];
      const pair = hans.slice(from, to);
      if (candidates.has(pair)) add(pairs, pair, hant.slice(from, to));
    }
  }
  const learned: LearnedWord[] = [];
  const consider = (tally: Tally, minLength: number): void => {
    for (const [hans, forms] of tally) {
      if (hans.length < minLength || !/^\p{Script=Han}+$/u.test(hans)) continue;
      let total = 0;
      let best = ["", 0] as [string, number];
      for (const entry of forms) {
        total += entry[1];
        if (entry[1] > best[1]) best = entry;
      }
      const opencc = setup.convertWord(hans);
      const hant = keepVariants(best[0], opencc);
      if (hant === opencc || best[1] < setup.minCount || best[1] < setup.minShare * total) continue;
      learned.push({ hans, hant, count: best[1], total });
    }
  };
  consider(words, 2);
  consider(pairs, 2);
  const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    words: learned.sort((a, b) => byKey(a.hans, b.hans)),
    singles: [...singles.values()]
      .filter((stat) => stat.same < stat.total || AMBIGUOUS_TO_HANT.has(stat.char))
      .sort((a, b) => byKey(a.char, b.char)),
  };
}

function add(tally: Tally, key: string, form: string): void {
  let forms = tally.get(key);
  if (!forms) {
    forms = new Map();
    tally.set(key, forms);
  }
  forms.set(form, (forms.get(form) ?? 0) + 1);
}

/** Whether two spellings differ by more than accepted variant pairs. */
function differs(a: string, b: string): boolean {
  return keepVariants(b, a) !== a;
}

/** The observed form, but keeping OpenCC's character wherever the two are only accepted variants. */
function keepVariants(observed: string, opencc: string): string {
  const seen = Array.from(observed);
  const ours = Array.from(opencc);
  if (seen.length !== ours.length) return observed;
  return seen.map((char, i) => (isNotLearned(char, ours[i] ?? "") ? (ours[i] ?? char) : char)).join("");
}
