/**
 * Personal names in Simplified→Traditional conversion. A surname takes its surname form
 * (范, not 範; 余, not 餘; 郁, not 鬱; 钟 as 鍾), and a transliterated foreign name never
 * gains a character of another meaning (里 stays 里, not 裡). Framework-free and free of
 * Node APIs: the browser's query converter applies the same decisions.
 */

/** Surnames whose ordinary Traditional form is another word's, with their form as surnames. */
export const SURNAMES: ReadonlyMap<string, string> = new Map([
  ["范", "范"],
  ["余", "余"],
  ["郁", "郁"],
  ["于", "于"],
  ["钟", "鍾"],
  ["姜", "姜"],
  ["沈", "沈"],
  ["谷", "谷"],
]);

/**
 * Surnames recognised by their position alone (after a title, see surnameAt). 于 is left
 * out: after a title it is far more often the preposition (主席于3日会见).
 */
const POSITIONAL_SURNAMES = new Set(["范", "余", "郁", "钟"]);

/** Titles and roles that a name follows in news text (国务院副总理范长龙, 党组书记余艳红). */
const TITLES = [
  "主席",
  "总理",
  "书记",
  "委员",
  "部长",
  "主任",
  "省长",
  "市长",
  "县长",
  "区长",
  "校长",
  "院长",
  "局长",
  "厅长",
  "处长",
  "司令员",
  "政委",
  "大使",
  "代表",
  "记者",
  "教授",
  "院士",
  "专家",
  "董事长",
  "总经理",
  "理事长",
  "会长",
  "秘书长",
  "检察长",
  "庭长",
  "所长",
  "主持人",
  "总裁",
  "总监",
  "特派员",
];

/** In a transliterated name, these keep the form of the sound, never of another word. */
const TRANSLITERATION = new Map([
  ["裡", "里"],
  ["鬆", "松"],
  ["髮", "發"],
]);

/**
 * The surname form of a single-character word on the best path when it stands in name
 * position: right after a title (the word before it ends with one) and before a Han
 * character. Undefined when the word is no such surname or not in name position.
 */
export function surnameAt(word: string, previousWord: string, next: string): string | undefined {
  if (!POSITIONAL_SURNAMES.has(word) || !/^\p{Script=Han}/u.test(next)) return undefined;
  return TITLES.some((title) => previousWord.endsWith(title)) ? SURNAMES.get(word) : undefined;
}

/**
 * How a known person's name (front matter `persons`, `authors`) is written in Traditional:
 * a Chinese name with its surname's surname form, a transliterated one (with ·) without
 * 裡/鬆/髮; the rest as `convert` writes it. Undefined when that is what `convert` gives anyway.
 */
export function nameInTraditional(name: string, convert: (text: string) => string): string | undefined {
  const converted = Array.from(convert(name));
  const chars = Array.from(name);
  if (converted.length !== chars.length) return undefined;
  if (name.includes("·")) {
    const out = converted.map((char) => TRANSLITERATION.get(char) ?? char).join("");
    return out === converted.join("") ? undefined : out;
  }
  const surname = SURNAMES.get(chars[0] ?? "");
  if (!surname || converted[0] === surname || chars.length < 2 || chars.length > 4) return undefined;
  return surname + converted.slice(1).join("");
}

/** A transliterated name's conversion with 裡/鬆/髮 written as the sound's 里/松/發. */
export function transliterationForm(converted: string): string {
  return Array.from(converted, (char) => TRANSLITERATION.get(char) ?? char).join("");
}
