import data from "./data/learned-hant.json" with { type: "json" };
import type { LearnedWord } from "./learn/learn-words.ts";

/** The learned data file as written by `npm run learn:conversion`. */
export interface LearnedFile {
  about: string[];
  settings: Record<string, string | number>;
  /** [Simplified, Traditional, times seen so, times seen]. */
  words: [string, string, number, number][];
}

/** Word conversions learned from authentic Traditional text (src/lib/script/data/learned-hant.json). */
export const LEARNED_HANT: readonly LearnedWord[] = (data as unknown as LearnedFile).words.map(
  ([hans, hant, count, total]) => ({
    hans,
    hant,
    count,
    total,
  }),
);
