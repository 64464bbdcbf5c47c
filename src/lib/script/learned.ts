import data from "./data/learned-hant.json" with { type: "json" };
import type { LearnedWord } from "./learn/learn-words.ts";

/** The learned data file as written by `npm run learn:conversion`. */
export interface LearnedFile {
  about: string[];
  settings: Record<string, string | number>;
  /** [Simplified, Traditional, times seen so, times seen]. */
  words: [string, string, number, number][];
  /** [character, times written as OpenCC writes it alone, times seen alone]. */
  singles: [string, number, number][];
}

const file = data as unknown as LearnedFile;

/**
 * How often OpenCC's form of a lone character (a one-character word) was right in the
 * training text, for characters where it was not always: [right, seen].
 */
export const SINGLE_RELIABILITY: ReadonlyMap<string, readonly [number, number]> = new Map(
  file.singles.map(([char, same, total]) => [char, [same, total] as const]),
);

/** Word conversions learned from authentic Traditional text (src/lib/script/data/learned-hant.json). */
export const LEARNED_HANT: readonly LearnedWord[] = file.words.map(([hans, hant, count, total]) => ({
  hans,
  hant,
  count,
  total,
}));
