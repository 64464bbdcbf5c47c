import type { Token } from "./finder.ts";
import { jiebaDictionary } from "../script/lexicon.ts";
import { isStopChar, titleAt, transliterationChars } from "./persons.ts";
import { NOT_PLACES, type PlaceGazetteer } from "./places.ts";
import type { Mention } from "./types.ts";

/** Words after which news text names a town abroad (南部城市汗尤尼斯, 首都达喀尔). */
const PLACE_INTRODUCERS = new Set(["城市", "首都", "首府", "小镇", "城镇", "港城", "港口城市", "边境城市"]);
/** Verbs of place before a name in sounds (位于瓦拉姆的基地, 前往乍得). */
const PLACE_VERBS = new Set(["位于", "前往", "抵达"]);
/** Words that follow a place's name (丹佛一家, 福岛地区, 杰宁附近). */
const AFTER_PLACE = new Set(["一家", "一名", "当地", "地区", "附近", "境内", "发生", "举行", "等地"]);
/** Tags of words that are part of a foreign place's name as jieba reads it. */
const PLACE_WORD_TAGS = /^(ns|nr|nrt|nrfg|x|nz|j|zg)$/;
const HAN = /^\p{Script=Han}$/u;
/** Characters that start words of quantity, not names (多地, 各地, 全境). */
const NOT_NAME_STARTS = /^[多各全每某该此]/u;
const CHINA = new Set(["中国", "中华人民共和国", "我国"]);
/** How often jieba's dictionary has a word for it to be a common word, no place (城市, 地区). */
const COMMON_WORD = 1000;

/** Whether a word of the text is an ordinary word, not a piece of a name (实施, 空袭). */
function ordinaryWord(token: Token | undefined): boolean {
  if (!token || token.word.length < 2 || PLACE_WORD_TAGS.test(token.tag)) return false;
  return ![...token.word].every((c) => transliterationChars().has(c));
}

/** Whether a place's name may end before this position: punctuation, a function word, a direction, AFTER_PLACE. */
function endsPlace(text: string, at: number, tokenAt: Token | undefined): boolean {
  const char = text.charAt(at);
  // 彼得·彼得森基金会: a name joined by · is a person's or a body's; 史迪威将军, a person's.
  if (char === "·" || titleAt(text, at)) return false;
  if (at >= text.length || !HAN.test(char) || isStopChar(char)) return true;
  if (!tokenAt) return false;
  return tokenAt.tag === "f" || AFTER_PLACE.has(tokenAt.word) || AFTER_PLACE.has(text.slice(at, at + 2));
}

/**
 * Places abroad that no list holds, read from where they stand: a run of name characters
 * right after a country (美国丹佛, 日本福岛), after a word such as 城市 or 首都 (南部城市
 * 汗尤尼斯), a run of sounds after 位于, 前往 or 抵达 (位于瓦拉姆的基地), and the next name of a list joined by 和 or 、 (汗尤尼斯和拉法), and a name
 * in sounds beside a place abroad in a list (俄亥俄、纽约、科罗拉多). The run ends
 * at punctuation, a function word, a direction (南部), or an ordinary word.
 */
export function findForeignPlaces(
  tokens: Token[],
  text: string,
  places: PlaceGazetteer,
  taken: readonly Mention[],
): Mention[] {
  const found: Mention[] = [];
  const tokenStarting = new Map(tokens.map((token) => [token.start, token]));
  /** The run of name characters from `start`: two to six characters, ending where a place's name may end. */
  const readRun = (start: number, spelledOnly: boolean, inList = false): string | undefined => {
    let end = start;
    while (end < text.length && end - start < 7) {
      const char = text.charAt(end);
      if (!HAN.test(char) || isStopChar(char)) break;
      if (end > start && ordinaryWord(tokenStarting.get(end))) break;
      if (spelledOnly && !transliterationChars().has(char)) return undefined;
      end++;
    }
    const name = text.slice(start, end);
    const after = tokenStarting.get(end);
    // In a list the last name may run into the verb (汗尤尼斯和拉法实施).
    if (name.length < 2 || name.length > 6 || !(endsPlace(text, end, after) || (inList && ordinaryWord(after))))
      return undefined;
    // It ends where a word ends (美国青少年 is no 青少), and no name starts with 多 or 各 (加拿大多地).
    if (end < text.length && HAN.test(text.charAt(end)) && !tokenStarting.has(end)) return undefined;
    if (places.forms.has(name) || ordinaryWord(tokenStarting.get(start)) || NOT_NAME_STARTS.test(name))
      return undefined;
    // A common word is no place.
    if ((jiebaDictionary().words.get(name) ?? 0) >= COMMON_WORD || NOT_PLACES.has(name)) return undefined;
    return name;
  };
  const take = (name: string, start: number) =>
    found.push({ kind: "places", name, start, end: start + name.length, evidence: "foreign-context" });
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (!next) return;
    const country = places.forms.get(token.word)?.level === "country" && !CHINA.has(token.word);
    // 金融城市长梅睿孟: 市长 is a title, not 城市.
    const introduced = PLACE_INTRODUCERS.has(token.word) && !titleAt(text, token.end - 1);
    const verb = PLACE_VERBS.has(token.word);
    if (!country && !introduced && !verb) return;
    // After a country the run is made of whole words jieba reads as names, in sounds (丹佛, 福岛).
    if (country && !PLACE_WORD_TAGS.test(next.tag)) return;
    // A place word of jieba's after a country counts whole (美国路易斯安那州).
    const whole =
      country &&
      !NOT_PLACES.has(next.word) &&
      next.tag === "ns" &&
      next.word.length >= 2 &&
      !places.forms.has(next.word) &&
      !NOT_NAME_STARTS.test(next.word) &&
      endsPlace(text, next.end, tokens[i + 2])
        ? next.word
        : undefined;
    const name = whole ?? readRun(next.start, country || verb);
    if (!name) return;
    take(name, next.start);
    // The next names of a list (汗尤尼斯和拉法).
    for (let at = next.start + name.length; "和、及".includes(text.charAt(at)) && at < text.length;) {
      const more = readRun(at + 1, true, true);
      if (!more) break;
      take(more, at + 1);
      at += 1 + more.length;
    }
  });
  // A name in sounds beside a place abroad in a list joined by 、 (俄亥俄、纽约、科罗拉多).
  const abroad = [...taken, ...found].filter((mention) => {
    const level = places.forms.get(mention.name)?.level;
    return mention.evidence.startsWith("foreign") || level === "country" || level === "city";
  });
  const endsAt = new Set(abroad.map((mention) => mention.end));
  const startsAt = new Set(abroad.map((mention) => mention.start));
  const tokenEnding = new Map(tokens.map((token) => [token.end, token]));
  /** A whole word jieba reads as a place or a name in sounds (俄亥俄), or a run of sounds. */
  const neighbour = (token: Token | undefined): string | undefined => {
    // 中欧、中国—中东欧: 中欧 pairs China with Europe.
    if (!token || places.forms.has(token.word) || NOT_NAME_STARTS.test(token.word) || /^中.$/u.test(token.word))
      return undefined;
    if (/^(ns|nrt)$/.test(token.tag) && token.word.length >= 2) return token.word;
    const name = readRun(token.start, true);
    return name === token.word ? name : undefined;
  };
  for (let at = text.indexOf("、"); at >= 0; at = text.indexOf("、", at + 1)) {
    if (endsAt.has(at) && !startsAt.has(at + 1)) {
      const after = tokenStarting.get(at + 1);
      const name = neighbour(after) ?? readRun(at + 1, true);
      if (name) take(name, at + 1);
    }
    if (startsAt.has(at + 1) && !endsAt.has(at)) {
      const before = tokenEnding.get(at);
      const name = neighbour(before);
      if (name) take(name, before!.start);
    }
  }
  return found;
}
