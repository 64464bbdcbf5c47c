import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { EntityCorrections } from "./corrections.ts";
import { ORGANIZATION_FORMS, ORGANIZATION_SUFFIXES, WEAK_SUFFIXES } from "./organizations.ts";
import { jiebaDictionary } from "../script/lexicon.ts";
import { findForeignPlaces } from "./foreign-places.ts";
import { findPersons } from "./find-persons.ts";
import { PERSON_TITLES, isPersonTitle, isStopChar, titleEnding, transliterationChars } from "./persons.ts";
import { NOT_PLACES, placeGazetteer, type PlaceGazetteer } from "./places.ts";
import type { EntityKind, FoundEntities, Mention } from "./types.ts";

/** A word of the segmented text, with its part-of-speech tag and its place in the text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Finds people, places and organisations in Simplified text. */
export interface EntityFinder {
  /** The names in a text, each kind in the order of first appearance. */
  find(text: string): FoundEntities;
  /** Every mention the finder took, with what made it take it. */
  mentions(text: string): Mention[];
}

/** Tags that a word inside an organisation's name may carry (nouns, names, abbreviations). */
const NAME_WORD_TAGS = /^(n|nz|ns|nt|nr|nrt|vn|j|l|b|an|ng|x|eng)$/;
/** Words that start an organisation's name besides places (中国科学技术大学, 国家能源局). */
const ORGANIZATION_STARTS = new Set([
  "中国",
  "中华",
  "国家",
  "全国",
  "中共",
  "中央",
  "国际",
  "世界",
  "亚洲",
  "国务院",
  "武警",
]);
let placeSounds: { chars: string; pattern: RegExp } | undefined;

/**
 * Characters of names of places abroad: those of transliterated names, and 那, 何, 不
 * (亚利桑那州, 俄克拉何马州, 不伦瑞克市), with the pattern of such a name. Made on first use:
 * it reads jieba's dictionary, which a build taking every name from its cache never needs.
 */
function foreignPlaceSounds(): { chars: string; pattern: RegExp } {
  if (placeSounds) return placeSounds;
  const chars = [...transliterationChars(), "那", "何", "不"].filter((c) => !"州市县堡城".includes(c)).join("");
  placeSounds = { chars, pattern: new RegExp(`[${chars}]{2,7}(?:[州市县堡城]|地区|难民营)`, "gu") };
  return placeSounds;
}
/** Endings of towns and streets below county level (villages and communities are too many to page). */
const LOCAL_PLACE = /(镇|乡|街道)$/u;
const CHINA = new Set(["中国", "中华人民共和国", "我国"]);
/** Endings of named landscapes: rivers, mountains, lakes, islands, plains, deserts. */
const LANDSCAPE = /(?:河|江|山|湖|岛|海峡|半岛|群岛|山脉|高原|盆地|平原|草原|沙漠|沙地|山区|湿地)$/u;

/** Words inside company and body names that jieba reads as verbs (怡和控股有限公司, 马尔代夫选举委员会). */
const ORGANIZATION_VERBS = new Set([
  "控股",
  "投资",
  "发展",
  "建设",
  "开发",
  "建工",
  "实业",
  "科技",
  "选举",
  "巡回",
  "支援",
  "救援",
  "监督",
  "促进",
]);
/** Bodies whose name a role follows in one word (省委书记, 党委常委). */
const BODY_BEFORE_ROLE = /(省委|市委|县委|区委|党委|党组|政府|人大|政协)$/;
/** Dictionary bodies that name a kind of body, not one (人民政府, 上市公司). */
const GENERIC_ORGANIZATIONS = new Set(
  "党委政府 联邦政府 人民政府 联合会 人大常委会 上市公司 商业银行 中央政府 特区政府 中央财政 科研院所 中医医院 信息中心 交易中心 人民代表大会 全国代表大会 中央委员会 美国大学 党和政府 商业中心 公立医院 人民法院".split(
    " ",
  ),
);

/** Words with an organisation's ending that name a role or a thing (中共中央政治局常委). */
const NOT_ORGANIZATIONS = new Set([
  "常委",
  "政委",
  "编委",
  "纪委书记",
  "办公厅主任",
  "干部",
  "党员干部",
  "全国委员会",
  // Words ending in 局 that name a state of things (新格局 "new pattern", 大变局).
  "格局",
  "新格局",
  "大局",
  "全局",
  "布局",
  "结局",
  "政局",
  "时局",
  "开局",
  "变局",
  "大变局",
  // 市中心 "city centre", 广大干部 "officials at large".
  "市中心",
  "广大干部",
]);
/** Parts of a country or region (东北部, 南部): 部 here ends a direction, not a ministry. */
const DIRECTION = /^[东南西北中]+部$/u;

export const PUNCTUATION = /^[\p{P}\p{S}\s\d]+$/u;

/** Builds a finder; corrections (content/entities.yaml) apply to everything it finds. */
export function createFinder(corrections?: EntityCorrections): EntityFinder {
  const places = placeGazetteer();
  const jieba = Jieba.withDict(dict);
  // The finder's own names as words of the segmenter, so 太原市 or 国家发展改革委 is one word.
  const extra: string[] = [];
  for (const form of places.forms.keys()) extra.push(`${form} 1000 ns`);
  for (const short of places.countyShortForms.keys()) extra.push(`${short} 50 ns`);
  for (const form of ORGANIZATION_FORMS.keys()) extra.push(`${form} 1000 nt`);
  for (const title of PERSON_TITLES) extra.push(`${title} 1000 n`);
  for (const { name, kind } of corrections?.always ?? []) extra.push(`${name} 2000 ${TAG_OF[kind]}`);
  for (const alias of corrections?.aliases.keys() ?? []) extra.push(`${alias} 2000 nz`);
  jieba.loadDict(Buffer.from(extra.join("\n")));

  const mentions = (text: string): Mention[] => {
    const tokens = tokenize(jieba, text, places);
    const found: Mention[] = [];
    const covered = new Array<boolean>(text.length).fill(false);
    const take = (mention: Mention) => {
      found.push(mention);
      for (let i = mention.start; i < mention.end; i++) covered[i] = true;
    };
    const free = (start: number, end: number) => {
      for (let i = start; i < end; i++) if (covered[i]) return false;
      return true;
    };
    for (const always of corrections?.always ?? []) {
      for (let at = text.indexOf(always.name); at >= 0; at = text.indexOf(always.name, at + always.name.length)) {
        if (free(at, at + always.name.length))
          take({ kind: always.kind, name: always.name, start: at, end: at + always.name.length, evidence: "always" });
      }
    }
    for (const mention of findOrganizations(tokens, places)) if (free(mention.start, mention.end)) take(mention);
    for (const mention of companyShortForms(found, text, places)) if (free(mention.start, mention.end)) take(mention);
    for (const mention of findPersons(tokens, text, places)) if (free(mention.start, mention.end)) take(mention);
    for (const mention of findPlaces(tokens, text, places)) if (free(mention.start, mention.end)) take(mention);
    const placesTaken = found.filter((mention) => mention.kind === "places");
    for (const mention of findForeignPlaces(tokens, text, places, placesTaken))
      if (free(mention.start, mention.end)) take(mention);
    const corrected = found.flatMap((mention) => {
      const written = text.slice(mention.start, mention.end);
      const name = corrections?.aliases.get(written) ?? corrections?.aliases.get(mention.name) ?? mention.name;
      return corrections?.never.has(name) || corrections?.never.has(mention.name) ? [] : [{ ...mention, name }];
    });
    return corrected.sort((a, b) => a.start - b.start);
  };

  return {
    mentions,
    find(text) {
      const result: FoundEntities = { persons: [], places: [], organizations: [] };
      const seen = new Set<string>();
      for (const { kind, name } of mentions(text)) {
        if (seen.has(`${kind}\u0000${name}`)) continue;
        seen.add(`${kind}\u0000${name}`);
        result[kind].push(name);
      }
      return result;
    },
  };
}

const TAG_OF: Record<EntityKind, string> = { persons: "nr", places: "ns", organizations: "nt" };

/**
 * The words of a text. A word that starts with a place and goes on with a word of its own
 * (德国总理, 北京人民大会堂) is cut in two, so the place is seen.
 */
function tokenize(jieba: Jieba, text: string, places: PlaceGazetteer): Token[] {
  const tokens: Token[] = [];
  const words = jiebaDictionary().words;
  let at = 0;
  for (const { word, tag } of jieba.tag(text, true)) {
    const place = places.forms.has(word) || ORGANIZATION_FORMS.has(word) ? undefined : leadingPlace(word, places);
    const rest = place ? word.slice(place.length) : "";
    if (place && (words.has(rest) || PERSON_TITLES.includes(rest))) {
      tokens.push({ word: place, tag: "ns", start: at, end: at + place.length });
      tokens.push(...splitRole(rest, ORGANIZATION_FORMS.has(rest) ? "nt" : tag, at + place.length));
    } else tokens.push(...splitRole(word, tag, at));
    at += word.length;
  }
  return joinPartyCommittees(tokens, places);
}

/**
 * 江苏省/委书记 → 江苏/省委/书记: jieba reads the province's full name and leaves 委 to the
 * role, so the committee (江苏省委) is put back together.
 */
function joinPartyCommittees(tokens: Token[], places: PlaceGazetteer): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const short = token.word.slice(0, -1);
    if (
      next?.word.startsWith("委") &&
      /[省市县区]$/.test(token.word) &&
      places.forms.has(token.word) &&
      places.forms.has(short)
    ) {
      const committee = `${token.word.slice(-1)}委`;
      joined.push({ word: short, tag: "ns", start: token.start, end: token.end - 1 });
      joined.push({ word: committee, tag: "nt", start: token.end - 1, end: next.start + 1 });
      const rest = next.word.slice(1);
      if (rest)
        joined.push({
          word: rest,
          tag: PERSON_TITLES.includes(rest) ? "n" : next.tag,
          start: next.start + 1,
          end: next.end,
        });
      i++;
    } else joined.push(token);
  }
  return joined;
}

/**
 * A body's name and a role in one word (省委书记, 党委常委) is cut in two, so the body is
 * seen (江苏省委 in 江苏省委书记).
 */
function splitRole(word: string, tag: string, start: number): Token[] {
  const role = word.length >= 4 ? titleEnding(word) : undefined;
  const body = role ? word.slice(0, -role.length) : "";
  if (!role || body.length < 2 || !(ORGANIZATION_FORMS.has(body) || BODY_BEFORE_ROLE.test(body)))
    return [{ word, tag, start, end: start + word.length }];
  return [
    { word: body, tag: "nt", start, end: start + body.length },
    { word: role, tag: "n", start: start + body.length, end: start + word.length },
  ];
}

/** Whether a place the gazetteer knows is part of a name, other than the name less its ending (华盛顿 in 华盛顿州). */
function containsPlace(name: string, places: PlaceGazetteer): boolean {
  const stem = name.slice(0, -1);
  for (let from = 0; from < name.length - 1; from++)
    for (let to = from + 2; to <= name.length; to++) {
      const part = name.slice(from, to);
      if (part !== stem && places.forms.has(part)) return true;
    }
  return false;
}

function leadingPlace(word: string, places: PlaceGazetteer): string | undefined {
  for (let length = word.length - 1; length >= 2; length--) {
    if (places.forms.has(word.slice(0, length))) return word.slice(0, length);
  }
  return undefined;
}

const SUFFIXES = new Set(ORGANIZATION_SUFFIXES);
const SUFFIX_LENGTHS = [...new Set(ORGANIZATION_SUFFIXES.map((suffix) => suffix.length))].sort((a, b) => b - a);

/** The longest organisation ending a word ends with (党委, not 委). */
function organizationSuffix(word: string): string | undefined {
  for (const length of SUFFIX_LENGTHS) {
    if (length <= word.length && SUFFIXES.has(word.slice(-length))) return word.slice(-length);
  }
  return undefined;
}

/** Organisations: known names and their short forms, then runs of name words with an organisation's ending. */
function findOrganizations(tokens: Token[], places: PlaceGazetteer): Mention[] {
  const found: Mention[] = [];
  const isPlace = (token: Token | undefined) => token !== undefined && places.forms.has(token.word);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const known = ORGANIZATION_FORMS.get(token.word);
    const suffix = organizationSuffix(token.word);
    if (!known && !suffix) continue;
    // A body in jieba's dictionary with an organisation's ending (俄罗斯国防部, 欧洲中央银行).
    // News agencies jieba knows are three characters long (共同社, 美联社).
    const listed =
      token.tag === "nt" &&
      (token.word.length >= 4 || (token.word.length === 3 && suffix === "社")) &&
      !GENERIC_ORGANIZATIONS.has(token.word);
    // 格局, 干部, 常委: a two-character word ending in a one-character ending is rarely a body.
    if (!known && suffix && suffix.length === 1 && token.word.length < 3 && token.tag !== "nt") continue;
    if (!known && (NOT_ORGANIZATIONS.has(token.word) || DIRECTION.test(token.word))) continue;
    // 联合国政府间…委员会: 政府间 is "intergovernmental"; 商务部门 are "commerce departments".
    if (tokens[i + 1]?.word.startsWith("间") || (token.word.endsWith("部") && tokens[i + 1]?.word.startsWith("门")))
      continue;
    // Walk back over name words to the earliest place or national prefix (河南省人民政府,
    // 中国科学院量子信息与量子科技创新研究院 stops at 与).
    let first = -1;
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      const before = tokens[j]!;
      if (
        titleEnding(before.word) !== undefined ||
        /^[cp]$/.test(before.tag) ||
        /^愿?[同和与及暨向对在将]$/.test(before.word)
      )
        break;
      // 中国全国人大 is the national body itself: 中国 stays a place of its own. A known
      // name joins only places right before it (美国国务院, not 黎巴嫩媒体援引哈马斯), and
      // a party's central body its party (越南共产党中央政治局).
      const party = known?.startsWith("中共中央") && before.word.endsWith("党") && !ORGANIZATION_FORMS.has(before.word);
      if (known && (CHINA.has(before.word) || !(isPlace(before) || party))) break;
      if (party) first = j;
      if (
        !(NAME_WORD_TAGS.test(before.tag) || ORGANIZATION_VERBS.has(before.word) || isPlace(before)) ||
        PUNCTUATION.test(before.word)
      )
        break;
      // A known name joins only a place before it (美国国务院, 湖南省发改委), never another body (总台央视).
      // A word that starts with a national prefix starts a body (国家电网公司).
      // A city abroad is where a body sits, not part of its name (日内瓦联合国).
      if (known && places.forms.get(before.word)?.level === "city") break;
      const starts =
        ORGANIZATION_STARTS.has(before.word) ||
        ORGANIZATION_FORMS.has(before.word) ||
        (before.tag !== "n" && [...ORGANIZATION_STARTS].some((start) => before.word.startsWith(start)));
      if (isPlace(before) || (!known && starts)) first = j;
    }
    if (known && first < 0) {
      found.push({ kind: "organizations", name: known, start: token.start, end: token.end, evidence: "known" });
      continue;
    }
    if (listed && first < 0) {
      found.push({
        kind: "organizations",
        name: token.word,
        start: token.start,
        end: token.end,
        evidence: "dictionary",
      });
      continue;
    }
    // A company's legal form names a company with no place before it (兰友科技有限公司).
    if (first < 0 && LEGAL_FORM.test(token.word)) first = companyStart(tokens, i);
    if (first < 0) continue;
    const span = tokens.slice(first, i + 1);
    const name = span.map((t) => t.word).join("");
    // A bare general ending right after a place (美国部, 北京中心) is no organisation.
    if (!known && span.length === 2 && WEAK_SUFFIXES.has(token.word) && (token.word !== "公司" || isPlace(span[0])))
      continue;
    // Generic departments, bodies of villages and communities (教育部门, 山坪村党支部), a generic name.
    if (span.some((t) => /(?:部门|..村|社区)$/.test(t.word)) || NOT_ORGANIZATIONS.has(name)) continue;
    // 组织 "organise" as a verb: after a body (公共服务局组织开展) or before 了 (策划组织了).
    const verbUse =
      organizationSuffix(tokens[i - 1]?.word ?? "") !== undefined || /^(ul|uz|ug)$/.test(tokens[i + 1]?.tag ?? "");
    if (token.word === "组织" && verbUse) continue;
    if (!known && token.word === suffix && span.length === 1) continue;
    found.push({ kind: "organizations", name, start: span[0]!.start, end: token.end, evidence: "suffix" });
  }
  // Longest first, so a name inside a longer one is not taken twice.
  return found.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** A company's legal form (有限公司, 有限责任公司), which a company's name ends with even when no place starts it. */
const LEGAL_FORM = /有限(?:责任)?公司$/u;
/** Words that say what kind of body follows (企业兰友科技有限公司): a company's name starts after them. */
const KIND_OF_BODY = /(?:企业|公司|集团|单位|厂商|商家)$/u;

/**
 * Where the name of a company ending at `end` with its legal form starts: the earliest of
 * up to six name words before it (a place in brackets among them), after a word that says what kind of body follows; -1
 * when there is none.
 */
function companyStart(tokens: Token[], end: number): number {
  let first = -1;
  for (let j = end - 1; j >= Math.max(0, end - 6); j--) {
    const before = tokens[j]!;
    // A place in brackets inside the name (博世氢动力系统（重庆）有限公司).
    if (before.word === "）" && tokens[j - 2]?.word === "（" && j - 2 > 0) {
      j -= 2;
      continue;
    }
    if (KIND_OF_BODY.test(before.word) || PUNCTUATION.test(before.word) || isPersonTitle(before.word, before.tag))
      break;
    if (!(NAME_WORD_TAGS.test(before.tag) || ORGANIZATION_VERBS.has(before.word)) || isStopChar(before.word)) break;
    first = j;
  }
  return first;
}

/** Endings of a company's name that its short form leaves out (英特尔公司 → 英特尔). */
const COMPANY_ENDING = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/u;
/** Tags of words that may be a company's short form: names, abbreviations, words jieba does not know. */
const SHORT_FORM_TAGS = /^(ns|nr|nrt|nrfg|nz|nt|j|x|eng)$/;
/** How often jieba's dictionary has a word of another tag for it to be a common word, not a short form (建设). */
const COMMON_WORD = 1000;

/**
 * A company's short form: a company found in full (美国英特尔公司) is named by its name less
 * its place and its ending (英特尔) elsewhere in the text. A short form that is a common
 * ordinary word (中国建设银行: 建设) is not taken.
 */
function companyShortForms(found: readonly Mention[], text: string, places: PlaceGazetteer): Mention[] {
  const { tags, words } = jiebaDictionary();
  const shorts = new Set<string>();
  for (const mention of found) {
    if (mention.kind !== "organizations" || !COMPANY_ENDING.test(mention.name)) continue;
    let short = mention.name.replace(COMPANY_ENDING, "");
    const place = leadingPlace(short, places);
    if (place) short = short.slice(place.length);
    const tag = tags.get(short);
    const common = tag !== undefined && !SHORT_FORM_TAGS.test(tag) && (words.get(short) ?? 0) >= COMMON_WORD;
    if (short.length >= 2 && short.length <= 6 && !common && !places.forms.has(short)) shorts.add(short);
  }
  const mentions: Mention[] = [];
  for (const short of shorts)
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length))
      mentions.push({ kind: "organizations", name: short, start: at, end: at + short.length, evidence: "short-form" });
  return mentions;
}

/**
 * Places: the gazetteer's forms, a county's short form right after its province or
 * prefecture, and foreign places spelled in sounds.
 */
function findPlaces(tokens: Token[], text: string, places: PlaceGazetteer): Mention[] {
  const found: Mention[] = [];
  // Sounds followed by 州, 市, 县, 堡, 城, 地区 or 难民营, from the start of a word (亚利桑那州,
  // 布法罗市, 加沙城, 拜特哈嫩地区, 努赛赖特难民营).
  const tokenAt = new Map(tokens.map((t) => [t.start, t]));
  const starts = new Set(tokenAt.keys());
  const sounds = foreignPlaceSounds();
  for (const match of text.matchAll(sounds.pattern)) {
    const start = match.index;
    for (let from = start; from < start + match[0].length - 2; from++) {
      if (!starts.has(from) || !sounds.chars.includes(text.charAt(from))) continue;
      const name = text.slice(from, start + match[0].length);
      // 派别圣城旅: an ordinary word (派别 "faction") starts no place.
      const first = tokenAt.get(from)!;
      if (first.end < from + name.length && first.word.length >= 2 && !/^(ns|nr|nrt|nz|x|j)$/.test(first.tag)) continue;
      // 美国华盛顿州 starts at 华盛顿; 世界温州 is no place (温州 is).
      if (containsPlace(name, places)) continue;
      if (/[人口城镇区乡村]/.test(name.slice(0, -1)) || /^[省州市县区湾]/.test(name)) continue;
      // 着力保市场: 市 starts 市场 "market".
      if (text.startsWith("市场", from + name.length - 1)) continue;
      found.push({ kind: "places", name, start: from, end: from + name.length, evidence: "foreign-place" });
      break;
    }
  }
  const translit = transliterationChars();
  tokens.forEach((token, i) => {
    const info = places.forms.get(token.word);
    // A town or street right after its county or prefecture (鹿城区南郊街道, 河津市清涧街道).
    if (info && (info.level === "prefecture" || info.level === "county")) {
      let name = "";
      for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const next = tokens[j]!;
        if (!/^\p{Script=Han}+$/u.test(next.word) || places.forms.has(next.word)) break;
        name += next.word;
        if (name.length > 7) break;
        if (LOCAL_PLACE.test(name) && name.length >= 3) {
          found.push({ kind: "places", name, start: tokens[i + 1]!.start, end: next.end, evidence: "local-place" });
          break;
        }
      }
    }
    // 黄河保护法, 长江保护法: the name of a law, not a mention of the place; 蒙古族, a
    // people; 中国式现代化, 马克思主义中国化 and 北京时间, words of their own.
    if (info && (/..法$/.test(tokens[i + 1]?.word ?? "") || /^(?:[族式化]|时间)/.test(text.slice(token.end)))) return;
    // 华盛顿州, 纽约州, 华盛顿特区: a state or district named after its city.
    const district = ["州", "特区"].find((ending) => text.startsWith(ending, token.end));
    if (info?.level === "city" && district) {
      const name = `${token.word}${district}`;
      found.push({
        kind: "places",
        name,
        start: token.start,
        end: token.end + district.length,
        evidence: "foreign-place",
      });
      return;
    }
    // 阿富汗西北部: a direction within a country, not the region of China.
    if ((info?.level === "feature" || info?.level === "region") && text.charAt(token.end) === "部") return;
    if (info) {
      found.push({ kind: "places", name: info.name, start: token.start, end: token.end, evidence: "gazetteer" });
      return;
    }
    const counties = places.countyShortForms.get(token.word);
    const before = places.forms.get(tokens[i - 1]?.word ?? "");
    if (counties && before) {
      const county = counties.find(
        (c) => c.parent === before.name || places.places.get(c.parent ?? "")?.parent === before.name,
      );
      if (county)
        found.push({ kind: "places", name: county.name, start: token.start, end: token.end, evidence: "county" });
      return;
    }
    // A river, mountain or other named landscape that jieba knows (大别山, 第聂伯河, 科尔沁沙地).
    if (token.tag === "ns" && token.word.length >= 3 && LANDSCAPE.test(token.word) && !places.forms.has(token.word)) {
      found.push({ kind: "places", name: token.word, start: token.start, end: token.end, evidence: "landscape" });
      return;
    }
    // A state, county or city abroad that jieba knows (俄克拉何马州): Chinese divisions are all in the gazetteer.
    if (token.tag === "ns" && token.word.length >= 4 && /[^城][州县市省]$/.test(token.word)) {
      found.push({ kind: "places", name: token.word, start: token.start, end: token.end, evidence: "foreign-place" });
      return;
    }
    // A foreign place: a place word of three or more of jieba's spelling sounds (莫斯科,
    // 布达佩斯; two-character ones, such as 扎根, are too often words). Sounds followed by
    // 州, 市, 县 or 堡 are found above (亚利桑那州, 布法罗市).
    const spelled = (word: string) => [...word].every((c) => translit.has(c));
    if (
      token.tag === "ns" &&
      token.word.length >= 3 &&
      !NOT_PLACES.has(token.word) &&
      spelled(token.word) &&
      !/[东南西北中城镇市区乡村省县山河湖海]/.test(token.word)
    ) {
      found.push({ kind: "places", name: token.word, start: token.start, end: token.end, evidence: "foreign-place" });
      return;
    }
  });
  return found;
}
