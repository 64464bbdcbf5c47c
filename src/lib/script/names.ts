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

/** Whether a word starts with a surname recognised by position (a name word surnameAt may take). */
export function startsWithPositionalSurname(word: string): boolean {
  return POSITIONAL_SURNAMES.has(word.charAt(0));
}

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
 * The surname form of a word on the best path when it stands in name position, right after
 * a title (the word before it ends with one): a lone surname before a Han character
 * (副主席范长龙: 范 + 长龙), or a word the dictionary tags as a personal name that starts
 * with one (部长钟山: 钟山 is one word, the Nanjing mountain's name, so the lone-surname test
 * never saw a 钟). `isPersonName` says whether a word is tagged as a personal name and
 * `convertRest` converts the rest of such a word. Undefined when the word
 * is not in name position or starts with no such surname.
 */
export function surnameAt(
  word: string,
  previousWord: string,
  next: string,
  isPersonName: (word: string) => boolean,
  convertRest: (rest: string) => string,
): string | undefined {
  const first = word.charAt(0);
  if (!POSITIONAL_SURNAMES.has(first) || !TITLES.some((title) => previousWord.endsWith(title))) return undefined;
  if (word.length === 1) return /^\p{Script=Han}/u.test(next) ? SURNAMES.get(word) : undefined;
  return isPersonName(word) ? (SURNAMES.get(first) ?? first) + convertRest(word.slice(1)) : undefined;
}

/** The names known in one article, each as written in its text (in the article's script). */
export interface KnownNames {
  readonly persons?: readonly string[];
  readonly places?: readonly string[];
  readonly organizations?: readonly string[];
}

/** What kind of name a known name is: each kind is written by its own rule. */
export type NameKind = "person" | "place" | "organization";

/**
 * Characters a name never takes in Traditional, with the one it takes: 裡 ("inside"), 鬆
 * ("loose") and 髮 ("hair") are never part of a person's or a place's name, where 里 is a
 * village or a transliterated sound (八角中里, 斯莫特里赫), 松 a pine and 发 "to prosper".
 */
const NAME_CHARACTERS_HANT: ReadonlyMap<NameKind, ReadonlyMap<string, string>> = new Map([
  ["person", new Map([...TRANSLITERATION, ["鐘", "鍾"]])],
  ["place", TRANSLITERATION],
  // 髮 and 鬆 can be in a company's name (a barber's, 轻松筹); 裡 in none.
  ["organization", new Map([["裡", "里"]])],
]);

/**
 * How a known name is written in Traditional. A person's name (2 to 4 characters, no ·)
 * whose first character is a surname of SURNAMES takes its surname form (范长龙 → 范長龍,
 * 于欢 → 于歡, 钟山 → 鍾山); in every person's or place's name 里, 松 and 发 keep their
 * sound (八角中里 → 八角中里, 斯莫特里赫 → 斯莫特里赫, 约翰·米里松 → 約翰·米里松), and 钟 in a
 * person's name is 鍾. `convert` is the converter without the name. Undefined when the
 * name comes out of `convert` right already.
 */
export function nameInTraditional(name: string, kind: NameKind, convert: (text: string) => string): string | undefined {
  const plain = convert(name);
  const converted = Array.from(plain);
  const chars = Array.from(name);
  if (converted.length !== chars.length) return undefined;
  // 镇里, 山里, 村里 are "in the town, hills, village" even when a tagger takes them for places;
  // the Caspian (里海, the "inner sea") is 裡海 in Taiwan's usage.
  if (kind === "place" && ((chars.length === 2 && chars[1] === "里") || name.startsWith("里海"))) return undefined;
  const fixes = NAME_CHARACTERS_HANT.get(kind) ?? new Map<string, string>();
  const out = converted.map((char, index) => {
    const source = chars[index] ?? "";
    if (index === 0 && kind === "person" && isChineseName(chars))
      return SURNAMES.get(source) ?? fixes.get(char) ?? char;
    return fixes.get(char) ?? char;
  });
  const written = out.join("");
  return written === plain ? undefined : written;
}

/**
 * How a known name is written in Simplified (from Traditional): as `convert` writes it,
 * except that 乾 (qián in a name: 李乾, 乾县) is never 干, and a person's name starting
 * with 於 keeps that surname (於梨華 → 於梨华), which is not the preposition 于.
 * Undefined when the name comes out of `convert` right already.
 */
export function nameInSimplified(name: string, kind: NameKind, convert: (text: string) => string): string | undefined {
  const plain = convert(name);
  const converted = Array.from(plain);
  const chars = Array.from(name);
  if (converted.length !== chars.length) return undefined;
  const out = converted.map((char, index) => {
    const source = chars[index] ?? "";
    if (index === 0 && kind === "person" && source === "於" && isChineseName(chars)) return "於";
    return source === "乾" ? "乾" : char;
  });
  const written = out.join("");
  return written === plain ? undefined : written;
}

/** Whether a person's name is written as a Chinese name (surname first), not a transliteration. */
function isChineseName(chars: readonly string[]): boolean {
  return chars.length >= 2 && chars.length <= 4 && !chars.some((char) => /[·•‧・-]/u.test(char));
}

/** A transliterated name's conversion with 裡/鬆/髮 written as the sound's 里/松/發. */
export function transliterationForm(converted: string): string {
  return Array.from(converted, (char) => TRANSLITERATION.get(char) ?? char).join("");
}
