import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SURNAMES, transliterationForm } from "./names.ts";
import { costOf, Lexicon } from "./segmenter.ts";

/**
 * The least frequency of an OpenCC phrase (jieba's own when higher): an OpenCC phrase needs
 * its own conversion, so it should not lose to its characters read one by one (于丹, 系上),
 * yet lose to common words around it (一个 + 中国, not 个中). Chosen with bench/convert-roundtrip.ts.
 */
const OPENCC_PHRASE_FREQUENCY = 100;

/** jieba's dictionary: word → frequency, word → part-of-speech tag, and the frequencies' sum. */
export interface JiebaDictionary {
  words: ReadonlyMap<string, number>;
  tags: ReadonlyMap<string, string>;
  total: number;
}

let jieba: JiebaDictionary | undefined;

/** Surnames taken from jieba's person names: 于, 钟, 姜, 沈 and 谷 start too many other words there (钟鼎文, 姜丝). */
const DICTIONARY_SURNAMES = new Set(["范", "余", "郁"]);

/**
 * jieba's word-frequency dictionary (349,045 Simplified words, as shipped by the
 * @node-rs/jieba package), read once per process.
 */
export function jiebaDictionary(): JiebaDictionary {
  if (jieba) return jieba;
  const file = createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt");
  const words = new Map<string, number>();
  const tags = new Map<string, string>();
  let total = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const first = line.indexOf(" ");
    if (first <= 0) continue;
    const second = line.indexOf(" ", first + 1);
    const frequency = Number(line.slice(first + 1, second < 0 ? undefined : second));
    if (!Number.isFinite(frequency)) continue;
    const word = line.slice(0, first);
    words.set(word, frequency);
    if (second > 0) tags.set(word, line.slice(second + 1).trim());
    total += frequency;
  }
  jieba = { words, tags, total };
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

/**
 * Name words from jieba's dictionary whose OpenCC conversion misspells them, with their
 * right form: three-character personal names (tag nr) starting with 范, 余 or 郁
 * (范长江: 范長江, not 範長江), and transliterated names (tag nrt) where OpenCC writes
 * 裡/鬆/髮 (里德: 里德, not 裡德). A name is left alone when an ordinary word is part of
 * it (家里人 holds 家里, "at home"; 余类推 holds 类推).
 */
export function nameWords(convertWord: (word: string) => string): Map<string, string> {
  const { words, tags } = jiebaDictionary();
  const names = new Map<string, string>();
  for (const [word, tag] of tags) {
    // jieba's name tags are noisy (范围图, 余纬度, 于柏林 "in Berlin", 河里 "in the river" are
    // tagged as names): only surnames that are rarely anything else at a word's start, only
    // tag nrt for transliterations, and no name with an ordinary word inside.
    if (tag === "nr" && word.length === 3 && DICTIONARY_SURNAMES.has(word.charAt(0))) {
      const surname = SURNAMES.get(word.charAt(0)) ?? "";
      const converted = convertWord(word);
      if (converted.charAt(0) !== surname && !holdsOrdinaryWord(word, words, tags)) {
        names.set(word, surname + converted.slice(1));
      }
    } else if (tag === "nrt" && word.length >= 2 && /[里松发]/.test(word)) {
      const converted = convertWord(word);
      const form = transliterationForm(converted);
      if (form !== converted && !holdsOrdinaryWord(word, words, tags)) names.set(word, form);
    }
  }
  return names;
}

/** Whether a proper part of a word is an ordinary (not name) word of two or more characters. */
function holdsOrdinaryWord(
  word: string,
  words: ReadonlyMap<string, number>,
  tags: ReadonlyMap<string, string>,
): boolean {
  for (let from = 0; from < word.length; from++) {
    for (let to = from + 2; to <= word.length; to++) {
      if (to - from === word.length) continue;
      const part = word.slice(from, to);
      const tag = tags.get(part);
      if (words.has(part) && tag !== "nr" && tag !== "nrt" && tag !== "ns") return true;
    }
  }
  return false;
}
