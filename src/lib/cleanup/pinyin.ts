import { polyphonic } from "pinyin-pro";
import { charBefore, isHan } from "./chars.ts";
import { toSimplified } from "./opencc.ts";
import type { Cleaned } from "./types.ts";

/**
 * Removal of pinyin annotations that a site's script conversion left after some
 * characters, as in 當(dāng)前. An annotation is removed only when it is a reading
 * of the character (or characters) before it, so 中国(China), 张三(编辑) and
 * GDP(国内生产总值) stay: only a reading can be an annotation.
 */

const TONE_MARKS = new Map([
  ["\u0304", 1],
  ["\u0301", 2],
  ["\u030C", 3],
  ["\u0300", 4],
]);

/** Letters of pinyin written with tone marks or tone numbers, ü written as ü, v or u:. */
const ANNOTATION = /[(（]([a-zA-Z\u00C0-\u024F\u0300-\u036F\u1E00-\u1EFF:' 0-5]{1,40})[)）]/g;

/** Up to this many characters before an annotation may be annotated together (當前(dāng qián)). */
const MAX_ANNOTATED = 4;

const readingCache = new Map<string, Set<string>>();

/**
 * A syllable in a comparable form, `base` + tone digit (5 for the neutral tone), such
 * as zhan4 for zhàn, zhan4 or ZHÀN; lü4 for lǜ, lv4 or lu:4. A syllable written
 * without a tone counts as neutral, so it matches only a neutral-tone reading (的 de).
 * Returns undefined for anything that is not shaped like a pinyin syllable.
 */
export function syllableKey(syllable: string): string | undefined {
  let text = syllable.toLowerCase().replace(/u:/g, "ü").replace(/v/g, "ü");
  let tone: number | undefined;
  const number = /[0-5]$/.exec(text);
  if (number) {
    tone = Number(number[0]) || 5;
    text = text.slice(0, -1);
  }
  let base = "";
  for (const char of text.normalize("NFD")) {
    const mark = TONE_MARKS.get(char);
    if (mark === undefined) {
      base += char;
      continue;
    }
    if (tone !== undefined) return undefined; // two tones in one syllable
    tone = mark;
  }
  base = base.normalize("NFC");
  if (!/^[a-zêü]{1,6}$/.test(base)) return undefined;
  return `${base}${tone ?? 5}`;
}

/**
 * The readings of one Han character as syllable keys, from pinyin-pro's list of
 * polyphonic readings for the character and for its Simplified form (pinyin-pro
 * knows most Traditional characters, but folding fills its gaps, such as 們).
 */
export function readingsOf(char: string): Set<string> {
  const cached = readingCache.get(char);
  if (cached) return cached;
  const readings = new Set<string>();
  if (isHan(char)) {
    const simplified = toSimplified(char);
    for (const form of new Set([char, simplified])) {
      for (const reading of polyphonic(form, { type: "array" })[0] ?? []) {
        const key = syllableKey(reading);
        if (key) readings.add(key);
      }
    }
  }
  readingCache.set(char, readings);
  return readings;
}

/**
 * Whether `annotation` is a reading of `chars`, one syllable per character, written
 * with tone marks or tone numbers (syllables may be run together or separated by
 * spaces or apostrophes): 當 + dāng, 當前 + dāng qián or dang1qian2.
 */
export function isReadingOf(chars: string, annotation: string): boolean {
  const characters = Array.from(chars);
  if (characters.length === 0 || !characters.every(isHan)) return false;
  const tokens = annotation.split(/[\s']+/).filter(Boolean);
  if (tokens.length === 0) return false;
  const readings = characters.map(readingsOf);
  const memo = new Map<string, boolean>();
  // Match characters to syllables: token t, position p within it, character i.
  const match = (t: number, p: number, i: number): boolean => {
    const token = tokens[t];
    if (token === undefined) return i === characters.length;
    if (p === token.length) return match(t + 1, 0, i);
    const reading = readings[i];
    if (!reading) return false;
    const id = `${t}:${p}:${i}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let found = false;
    for (let end = p + 1; end <= Math.min(token.length, p + 8) && !found; end++) {
      const key = syllableKey(token.slice(p, end));
      if (key && reading.has(key)) found = match(t, end, i + 1);
    }
    memo.set(id, found);
    return found;
  };
  return match(0, 0, 0);
}

/**
 * Removes each parenthesised pinyin annotation (half- or full-width parentheses)
 * that is a reading of the one to four Han characters just before it.
 */
export function removePinyinAnnotations(text: string): Cleaned {
  let count = 0;
  const result = text.replace(ANNOTATION, (whole: string, annotation: string, offset: number) => {
    if (!/[a-zA-Z\u00C0-\u024F]/.test(annotation)) return whole;
    const before: string[] = [];
    let index = offset;
    while (before.length < MAX_ANNOTATED) {
      const char = charBefore(text, index);
      if (char === undefined || !isHan(char)) break;
      before.unshift(char);
      index -= char.length;
    }
    for (let n = 1; n <= before.length; n++) {
      if (isReadingOf(before.slice(before.length - n).join(""), annotation)) {
        count++;
        return "";
      }
    }
    return whole;
  });
  return { text: result, count };
}
