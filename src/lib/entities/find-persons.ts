import { jiebaDictionary } from "../script/lexicon.ts";
import type { Token } from "./finder.ts";
import { ORGANIZATION_FORMS } from "./organizations.ts";
import { isPersonTitle, isStopChar, surnameLengths, titleAt, transliterationChars } from "./persons.ts";
import type { PlaceGazetteer } from "./places.ts";
import type { Mention } from "./types.ts";

/** Ranks that follow a name too (习近平总书记, 栗战书委员长, 卢拉总统). */
const TITLES_AFTER_NAME = new Set([
  "总书记",
  "主席",
  "总理",
  "总统",
  "同志",
  "首相",
  "委员长",
  "部长",
  "书记",
  "副主席",
  "副总理",
  "先生",
  "女士",
  "博士",
  "将军",
]);
/** Titles that, right after a word read as a name, show the word names a body (顾问团主席). */
const TITLES_BETWEEN = ["主席", "主任", "部长", "书记", "秘书长", "会长", "院长", "局长", "团长"];
/** Words that introduce a name (任命陈一新为, 免去陈文清的, 致电韦斯利·西米纳). */
const INTRODUCERS = new Set([
  "任命",
  "免去",
  "接受",
  "决定任命",
  "提请任命",
  "致电",
  "致信",
  "致函",
  "致贺电",
  "致贺信",
  "会见",
  "会晤",
  "接见",
]);
/** Verbs that follow a speaker or actor (栗战书说, 朔尔茨表示, 李强主持会议). */
const SPEECH = [
  "表示",
  "说",
  "指出",
  "强调",
  "主持",
  "出席",
  "参加",
  "会见",
  "会谈",
  "致辞",
  "讲话",
  "介绍",
  "认为",
  "希望",
  "宣布",
  "参观",
  "陪同",
  "看望",
  "考察",
  "调研",
  "作",
];
/** Terms named after a person (习近平新时代中国特色社会主义思想, 毛泽东思想, 邓小平理论). */
const NAME_TERMS = ["新时代", "思想", "理论"];
/** A body's ending, which a Chinese name of three characters does not have (宣传部部长: 宣传部 is no one). */
const BODY_ENDING = /^..[部局委厅署办院处]$/u;
/** Characters that never stand inside a name, even in a word jieba does not know. */
const NEVER_IN_NAME = new Set("的了是在和与及等也都".split(""));
/** How often jieba's dictionary must have a word for it to be a common word, whatever its tag (顾问 1,697). */
const COMMON_WORD = 1000;
/** How often jieba's dictionary has a word for it to be no given name whatever its tag (人士 5,774, 发展). */
const VERY_COMMON_WORD = 5000;
/** Tags of function words and verbs, which no given name is (相关); adverbs may be (欣然, 一新). */
const FUNCTION_TAGS = /^(c|p|r|m|q|u|uj|ul|uz|ug|uv|ud|f|v|vd|y|e|o)$/;
/** Tags of whole words that are no name when they start with a surname (高度, 时刻, 来华). */
const NAME_TAGS = /^(nr|nrfg|nrt|x|nz|ns|zg|j)$/;
/** Words a transliterated name never runs into (普京贺信, 舒尤克夫妇). */
const AFTER_FOREIGN_NAME = new Set([
  "贺信",
  "贺电",
  "夫妇",
  "夫人",
  "一行",
  "先生",
  "女士",
  "阁下",
  "当天",
  "当日",
  "此前",
  "随后",
  "博士",
]);
/** Tags of words that end a transliterated name. */
const NOT_NAME_TAGS = /^(p|c|u|uj|ul|uz|ug|uv|ud|d|m|q|f|t|r|v|vd|a|ad|y|e|o)$/;

/** Endings of foreign place names read like names (约翰内斯堡, 布法罗市). */
const PLACE_ENDINGS = /[堡城港州岛湾市省县区]$/;
/** Words jieba tags as names that are ordinary words (贺信 "letter of congratulation"). */
const NOT_NAMES = new Set(["贺信", "贺电", "贺词", "科普", "华人", "华侨", "华裔"]);

const HAN = /^\p{Script=Han}$/u;

interface Read {
  name: string;
  start: number;
  end: number;
  foreign: boolean;
}

/** The text and its words, with lookups by character position. */
class Sentence {
  readonly tokenStarting = new Map<number, Token>();
  readonly tokenEnding = new Map<number, Token>();
  // Fields declared, not parameter properties: the name-finding thread runs this file as plain
  // TypeScript (find-worker.ts), which Node reads only when its types can simply be erased.
  readonly text: string;
  readonly tokens: Token[];
  readonly places: PlaceGazetteer;
  constructor(text: string, tokens: Token[], places: PlaceGazetteer) {
    this.text = text;
    this.tokens = tokens;
    this.places = places;
    for (const token of tokens) {
      this.tokenStarting.set(token.start, token);
      this.tokenEnding.set(token.end, token);
    }
  }
  startsWord(at: number, words: Iterable<string>): boolean {
    for (const word of words) if (this.text.startsWith(word, at)) return true;
    return false;
  }
}

/**
 * A Chinese or Japanese name at `start`: a surname and one or two characters. Three
 * characters when the one after them ends a name (a function word, punctuation, a verb of
 * speech, a title: 陈一新为, 丁薛祥作, 赵乐际委员长), else where the words end (李强主持,
 * 习近平新时代). A word jieba reads as one unknown word or name keeps a character inside
 * it that elsewhere ends a name (蒋作君).
 */
function readChinese(sentence: Sentence, start: number): Read | undefined {
  for (const surname of surnameLengths(sentence.text.slice(start, start + 3))) {
    const read = readWithSurname(sentence, start, surname);
    if (read) return read;
  }
  return undefined;
}

function readWithSurname(sentence: Sentence, start: number, surname: number): Read | undefined {
  const { text } = sentence;
  const at = start + surname;
  const ordinary = (i: number) => i < text.length && HAN.test(text.charAt(i)) && !isStopChar(text.charAt(i));
  const endsName = (i: number) =>
    !ordinary(i) ||
    sentence.startsWord(i, SPEECH) ||
    sentence.startsWord(i, TITLES_AFTER_NAME) ||
    titleAt(sentence.text, i) ||
    sentence.startsWord(i, NAME_TERMS);
  const word = sentence.tokenStarting.get(start);
  const unknownWord =
    word &&
    /^(x|nr|nrfg)$/.test(word.tag) &&
    word.end - at >= 1 &&
    word.end - at <= 2 &&
    /^\p{Script=Han}+$/u.test(word.word) &&
    ![...word.word.slice(surname)].some((c) => NEVER_IN_NAME.has(c)) &&
    !isStopChar(word.word.charAt(word.word.length - 1)) &&
    endsName(word.end);
  if (unknownWord) return { name: word.word, start, end: word.end, foreign: false };
  // 一 starts given names (陈一新) though it is no name character elsewhere.
  if (!ordinary(at) && !(text.charAt(at) === "一" && ordinary(at + 1))) return undefined;
  // A third character that starts a word of its own belongs to that word (樊杰先后: 先后).
  const startsLongWord = (i: number) => {
    const next = sentence.tokenStarting.get(i);
    return (
      next !== undefined && next.end > i + 1 && jiebaDictionary().words.has(next.word) && !NAME_TAGS.test(next.tag)
    );
  };
  let end: number | undefined;
  if (!ordinary(at + 1) || endsName(at + 1)) end = at + 1;
  else if (endsName(at + 2) && !startsLongWord(at + 1)) end = at + 2;
  else if (sentence.tokenEnding.has(at + 1)) end = at + 1;
  else if (sentence.tokenEnding.has(at + 2)) end = at + 2;
  if (end === undefined) return undefined;
  // A whole dictionary word that is no name (高度, 贺信, 来华) is not read as one.
  if (word && word.end === end && !NAME_TAGS.test(word.tag)) return undefined;
  if (word && word.end > end && word.word.length >= 2 && !NAME_TAGS.test(word.tag) && word.word.length <= end - start)
    return undefined;
  // A common word and one character more (顾问团, 相关重, 全局多): jieba tags some common words as names.
  const frequency = jiebaDictionary().words.get(word?.word ?? "") ?? 0;
  if (word && word.word.length >= 2 && word.end < end && (!NAME_TAGS.test(word.tag) || frequency >= COMMON_WORD))
    return undefined;
  // A given name that is a function word, a place, a name in sounds or a very common word
  // (应伊朗, 向普京, 国人士).
  const given = sentence.tokenStarting.get(at);
  const givenCommon = (jiebaDictionary().words.get(given?.word ?? "") ?? 0) >= VERY_COMMON_WORD;
  if (
    given &&
    given.end === end &&
    (FUNCTION_TAGS.test(given.tag) ||
      given.tag === "nrt" ||
      sentence.places.forms.has(given.word) ||
      (givenCommon && !/^(nr|nrfg)$/.test(given.tag)))
  )
    return undefined;
  return { name: text.slice(start, end), start, end, foreign: false };
}

/**
 * A name whose parts are joined by · (玉苏甫江·麦麦提, 帕特·基辛格): foreign and minority
 * names, whatever characters spell them. It ends at the first character that ends a name,
 * or before a title or a verb of speech.
 */
function readDotted(sentence: Sentence, start: number): Read | undefined {
  const { text } = sentence;
  let end = start;
  let parts = 0;
  let length = 0;
  for (let i = start; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "·" && length > 0 && HAN.test(text.charAt(i + 1))) {
      parts++;
      length = 0;
      continue;
    }
    if (!HAN.test(char) || isStopChar(char) || length >= 6) break;
    // The last part ends before a word of another kind (赫什爆料: 爆料 "disclose").
    const word = sentence.tokenStarting.get(i);
    const ordinaryWord =
      word &&
      word.word.length >= 2 &&
      !NAME_TAGS.test(word.tag) &&
      ![...word.word].every((c) => transliterationChars().has(c));
    if (
      parts > 0 &&
      length > 0 &&
      (ordinaryWord ||
        sentence.startsWord(i, SPEECH) ||
        sentence.startsWord(i, TITLES_AFTER_NAME) ||
        titleAt(sentence.text, i))
    )
      break;
    length++;
    end = i + 1;
  }
  if (parts === 0 || length === 0 || !sentence.tokenEnding.has(end)) return undefined;
  return { name: text.slice(start, end), start, end, foreign: true };
}

/** A transliterated name starting at the word that starts at `start` (舒尤克, 韦斯利·西米纳, 迪亚斯-卡内尔). */
function readForeign(sentence: Sentence, start: number): Read | undefined {
  const translit = transliterationChars();
  const first = sentence.tokenStarting.get(start);
  if (!first) return undefined;
  const tokens = sentence.tokens;
  let index = tokens.indexOf(first);
  let end = start;
  let name = "";
  for (let count = 0; index < tokens.length && count < 8; index++, count++) {
    const token = tokens[index]!;
    const joiner = token.word === "·" || token.word === "-";
    if (joiner) {
      if (name === "") break;
      name += token.word;
      continue;
    }
    if (AFTER_FOREIGN_NAME.has(token.word)) break;
    if (token.word.length >= 2 && (NOT_NAME_TAGS.test(token.tag) || token.tag === "vn")) break;
    // A word jieba tags as a transliterated name counts whole, and so does one character before one (朔 + 尔茨).
    const spelled =
      token.tag === "nrt" ||
      (token.word.length === 1 && HAN.test(token.word) && tokens[index + 1]?.tag === "nrt") ||
      [...token.word].every((c) => translit.has(c));
    if (!spelled) break;
    name += token.word;
    end = token.end;
  }
  name = name.slice(0, end - start);
  // One common word is no name (代表风采: 风采 "elegance").
  if (end === first.end && !NAME_TAGS.test(first.tag)) return undefined;
  if ([...name].length < 2 || [...name].some(isStopChar) || PLACE_ENDINGS.test(name)) return undefined;
  return { name, start, end, foreign: true };
}

/** The name at `start`: the longer of its Chinese and transliterated readings. */
function readAt(sentence: Sentence, start: number): Read | undefined {
  const chinese = readChinese(sentence, start);
  const spelled = readForeign(sentence, start);
  const dotted = spelled?.name.includes("·") ? undefined : readDotted(sentence, start);
  const foreign = dotted && (!spelled || dotted.end > spelled.end) ? dotted : spelled;
  const read = foreign && (!chinese || foreign.end > chinese.end) ? foreign : chinese;
  if (!read) return undefined;
  // Never a title, nor a name running into one (和总理, 夫人).
  for (let i = read.start; i < read.end; i++) if (titleAt(sentence.text, i)) return undefined;
  return read;
}

/** The name that ends at `end`, starting where a name can start (after punctuation, a title, a function word). */
function readBefore(sentence: Sentence, end: number): Read | undefined {
  let best: Read | undefined;
  for (let start = end - 2; start >= Math.max(0, end - 12); start--) {
    const read = readAt(sentence, start);
    if (!read || read.end !== end) continue;
    if (read.foreign && !sentence.tokenStarting.has(start)) continue;
    const before = sentence.tokenEnding.get(start);
    // 8800余人参加: a name never follows a number.
    if (/\d/.test(sentence.text.charAt(start - 1))) continue;
    const boundary =
      start === 0 ||
      !HAN.test(sentence.text.charAt(start - 1)) ||
      (before &&
        (isPersonTitle(before.word, before.tag) ||
          NOT_NAME_TAGS.test(before.tag) ||
          INTRODUCERS.has(before.word) ||
          (before.word.length <= 2 && JOINERS.has(before.word.slice(-1)))));
    if (boundary && (!best || read.start < best.start)) best = read;
    if (!read.foreign && start < end - 4) break;
  }
  return best;
}

/** Function words jieba glues to the first sound of a foreign name (同安/瓦尔 for 同/安瓦尔). */
const JOINERS = new Set("同和与及对向跟".split(""));

/**
 * 习近平主席同安瓦尔总理: jieba reads 同安 (a place) and 瓦尔, so the function word is cut
 * off a word of two characters that a name in sounds follows.
 */
function splitJoiners(tokens: Token[]): Token[] {
  const words = jiebaDictionary().words;
  return tokens.flatMap((token, i) => {
    const next = tokens[i + 1];
    const glued =
      token.word.length === 2 &&
      JOINERS.has(token.word.charAt(0)) &&
      transliterationChars().has(token.word.charAt(1)) &&
      next?.tag === "nrt" &&
      (words.get(token.word) ?? 0) < COMMON_WORD;
    if (!glued) return [token];
    return [
      { word: token.word.charAt(0), tag: "p", start: token.start, end: token.start + 1 },
      { word: token.word.charAt(1), tag: "x", start: token.start + 1, end: token.end },
    ];
  });
}

/**
 * People: a full name after a title or role (国务院总理李强), before a rank or a verb of
 * speech (习近平总书记, 朔尔茨表示), after 任命/免去/致电, and every name in a list joined by
 * 、 one of whose names is taken. Every later mention of a name taken counts.
 */
export function findPersons(tokens: Token[], text: string, places: PlaceGazetteer): Mention[] {
  const sentence = new Sentence(text, splitJoiners(tokens), places);
  const names = new Map<string, string>();
  const take = (read: Read | undefined, evidence: string): boolean => {
    if (
      !read ||
      names.has(read.name) ||
      NOT_NAMES.has(read.name) ||
      (!read.foreign && BODY_ENDING.test(read.name)) ||
      places.forms.has(read.name) ||
      ORGANIZATION_FORMS.has(read.name)
    )
      return false;
    names.set(read.name, evidence);
    return true;
  };
  for (const token of tokens) {
    if (isPersonTitle(token.word, token.tag) || INTRODUCERS.has(token.word)) {
      // 创始人是齐晓景: a 是 between the role and the name.
      const after = text.charAt(token.end) === "是" ? token.end + 1 : token.end;
      const read = readAt(sentence, after);
      // 国王顾问团主席: a word between two titles is part of the title, not a name.
      const titled = read && !INTRODUCERS.has(token.word) && sentence.startsWord(read.end, TITLES_BETWEEN);
      if (!titled) take(read, "title");
    }
    const speech = SPEECH.some((verb) => token.word.startsWith(verb));
    if (speech || TITLES_AFTER_NAME.has(token.word)) {
      const end = text.charAt(token.start - 1) === "等" ? token.start - 1 : token.start;
      const read = readBefore(sentence, end);
      // A transliterated name before a verb needs three characters (德方表示 is no one).
      // Nor one jieba reads as a place (在约翰内斯堡出席).
      const placeWord = sentence.tokenStarting.get(read?.start ?? -1)?.tag === "ns";
      // 国王顾问团主席: a word between two titles is part of the title, not a name.
      const before = sentence.tokenEnding.get(read?.start ?? -1);
      const betweenTitles = !speech && before !== undefined && isPersonTitle(before.word, before.tag);
      if (read && !betweenTitles && (!speech || !read.foreign || ([...read.name].length >= 3 && !placeWord)))
        take(read, "verb");
    }
  }
  // A term named after a person (习近平新时代中国特色社会主义思想, 毛泽东思想).
  for (const term of NAME_TERMS) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      // 解放思想 is one word: no name before 思想 there.
      if (!sentence.tokenStarting.has(at)) continue;
      const read = readBefore(sentence, at);
      if (read && !read.foreign) take(read, "term");
    }
  }
  // A report given (丁薛祥作总结讲话, 武增作了说明), wherever jieba cut the words.
  for (const report of ["作了", "作总结", "作说明", "作报告", "作重要讲话", "作工作报告"]) {
    for (let at = text.indexOf(report); at >= 0; at = text.indexOf(report, at + 1)) {
      const read = readBefore(sentence, at);
      if (read && !read.foreign) take(read, "verb");
    }
  }
  // Lists: a name beside a name taken, joined by 、, is a name too (赵乐际、王沪宁、蔡奇、李希出席).
  for (let changed = true, rounds = 0; changed && rounds < 30; rounds++) {
    changed = false;
    for (let at = text.indexOf("、"); at >= 0; at = text.indexOf("、", at + 1)) {
      const left = readBefore(sentence, at);
      const right = readAt(sentence, at + 1);
      if (!left || !right || left.foreign !== right.foreign) continue;
      if (names.has(left.name) && take(right, "list")) changed = true;
      if (names.has(right.name) && take(left, "list")) changed = true;
    }
  }
  const found: Mention[] = [];
  for (const [name, evidence] of names) {
    // 埃尔多 where every mention is part of 埃尔多安: a name read short.
    const longer = [...names.keys()].filter((other) => other.length > name.length && other.startsWith(name));
    const mentions = text.split(name).length - 1;
    if (longer.length > 0 && longer.reduce((sum, other) => sum + text.split(other).length - 1, 0) >= mentions) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      found.push({ kind: "persons", name, start: at, end: at + name.length, evidence });
    }
  }
  return found;
}
