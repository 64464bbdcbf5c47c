import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { costOf, Lexicon } from "./segmenter.ts";

/**
 * The least frequency of an OpenCC phrase (jieba's own when higher): an OpenCC phrase needs
 * its own conversion, so it should not lose to its characters read one by one (于丹, 系上),
 * yet lose to common words around it (一个 + 中国, not 个中). Chosen with bench/convert-roundtrip.ts.
 */
const OPENCC_PHRASE_FREQUENCY = 100;

let jieba: { words: Map<string, number>; total: number } | undefined;

/**
 * jieba's word-frequency dictionary (349,045 Simplified words, as shipped by the
 * @node-rs/jieba package), read once per process.
 */
export function jiebaDictionary(): { words: ReadonlyMap<string, number>; total: number } {
  if (jieba) return jieba;
  const file = createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt");
  const words = new Map<string, number>();
  let total = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const first = line.indexOf(" ");
    if (first <= 0) continue;
    const second = line.indexOf(" ", first + 1);
    const frequency = Number(line.slice(first + 1, second < 0 ? undefined : second));
    if (!Number.isFinite(frequency)) continue;
    words.set(line.slice(0, first), frequency);
    total += frequency;
  }
  jieba = { words, total };
  return jieba;
}

/**
 * The segmentation lexicon for Simplified text: jieba's words with their frequencies,
 * and OpenCC's phrase keys that jieba lacks (so a phrase that needs its own conversion
 * can still be read as a word), and extra words (learned ones: a word with its neighbour).
 */
export function simplifiedLexicon(openccPhrases: Iterable<string>, extra: Iterable<string> = []): Lexicon {
  const { words, total } = jiebaDictionary();
  const lexicon = new Lexicon();
  for (const [word, frequency] of words) lexicon.set(word, costOf(frequency, total));
  const phraseCost = costOf(OPENCC_PHRASE_FREQUENCY, total);
  for (const phrase of openccPhrases) {
    if ((lexicon.cost(phrase) ?? Infinity) > phraseCost) lexicon.set(phrase, phraseCost);
  }
  // A learned word with its neighbour costs one less than the two words apart, so it is
  // read as one wherever the two would have been read.
  const added = [...extra].filter((word) => lexicon.cost(word) === undefined);
  const costs = added.map((word) => Math.max(1, lexicon.pathCost(word) - 1));
  added.forEach((word, index) => lexicon.set(word, costs[index] ?? phraseCost));
  return lexicon;
}
