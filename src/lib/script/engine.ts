import { ConverterFactory, Trie, type DictGroup, type DictLike } from "opencc-js/core";
import { configs as cn2tConfigs } from "opencc-js/preset/cn2t";
import { configs as t2cnConfigs } from "opencc-js/preset/t2cn";
import { unmatchedLength } from "./code-points.ts";
import { directionName, type Direction } from "./direction.ts";
import { LEARNED_HANT } from "./learned.ts";
import { jiebaDictionary, nameWords, simplifiedLexicon } from "./lexicon.ts";
import { startsWithPositionalSurname } from "./names.ts";
import type { Lexicon } from "./segmenter.ts";

/**
 * The OpenCC machinery for one direction, taken apart so that override rules can
 * take part in OpenCC's own word segmentation (see converter.ts). Built from the
 * exact dictionaries and steps that opencc-js uses for `Converter({from: 'cn', to: 'tw'})`
 * and `Converter({from: 'tw', to: 'cn'})`; tests/unit/script/engine.test.ts checks
 * that the output is identical to opencc-js's on real text.
 */
export interface Engine {
  /** The opencc-js locales this engine reproduces. */
  readonly locale: { readonly from: "cn" | "tw"; readonly to: "tw" | "cn" };
  /** Maps CJK compatibility ideographs to unified ones, as OpenCC does before anything else. */
  normalize(text: string): string;
  /** End (exclusive) of the longest dictionary word starting at `index`, or -1 when none does. */
  wordEnd(text: string, index: number): number;
  /** How far to step past a character no word starts at (a whole ideographic description sequence counts as one). */
  unmatchedLength(text: string, index: number): number;
  /** Converts one segment (a word, or a run of characters between words) through the conversion chain. */
  convertSegment(segment: string): string;
  /** Converts one word: the same as convertSegment, remembered (a text repeats its words). */
  convertWord(word: string): string;
  /**
   * Simplified→Traditional only: the word lexicon the text is segmented with (most
   * probable path, see segmenter.ts) instead of OpenCC's longest match. Each word is then
   * converted on its own, so no OpenCC phrase is matched across two words.
   */
  readonly lexicon?: Lexicon;
  /** Word conversions learned from authentic text (learned.ts), which win over OpenCC's for that word. */
  readonly learned: ReadonlyMap<string, string>;
  /** Names from jieba's dictionary that OpenCC misspells, with their right form (lexicon.ts nameWords); learned words win. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Simplified→Traditional only: the words of more than one character that jieba tags as
   * personal names (nr) and that start with a surname recognised by position (钟山); see surnameAt.
   */
  readonly personNames?: ReadonlySet<string>;
}

/** The opencc-js preset config names for our two directions: cn→tw is `s2tw`, tw→cn is `tw2s`. */
const CONFIG = {
  "hans→hant": { name: "s2tw", configs: cn2tConfigs, locale: { from: "cn", to: "tw" }, segmentWords: true },
  "hant→hans": { name: "tw2s", configs: t2cnConfigs, locale: { from: "tw", to: "cn" }, segmentWords: false },
} as const;

/** The fields opencc-js's ConverterBuilder reads from a preset config (normalizationChain is missing from its types). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

const engines = new Map<string, Engine>();

/** Options for getEngine. */
export interface EngineOptions {
  /** Set to false to leave out the learned word conversions (for learning them again). */
  learned?: boolean;
}

/** The engine for a direction, built on first use and kept for the life of the process (construction is the main fixed cost). */
export function getEngine(direction: Direction, options: EngineOptions = {}): Engine {
  const learned = options.learned !== false;
  const key = `${directionName(direction)}${learned ? "" : " unlearned"}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = buildEngine(directionName(direction) as keyof typeof CONFIG, learned);
    engines.set(key, engine);
    if (learned) builtInThisProcess().set(directionName(direction), engine);
  }
  return engine;
}

/**
 * Engines built by any copy of this module in this process. Astro's pages and its
 * integrations each load their own copy, and a build's search stage needs the engine its
 * pages have already built (about a second each). Only lastEngineBuilt reads it, so a copy
 * loaded again after an edit (the dev server) still builds its own.
 */
const BUILT = Symbol.for("policy-archive.conversion-engines");

function builtInThisProcess(): Map<string, Engine> {
  const shared = globalThis as typeof globalThis & { [BUILT]?: Map<string, Engine> };
  return (shared[BUILT] ??= new Map());
}

/** The engine for a direction that this process built last, in whichever copy of this module, else getEngine's. */
export function lastEngineBuilt(direction: Direction): Engine {
  return builtInThisProcess().get(directionName(direction)) ?? getEngine(direction);
}

/** Whether the engine for a direction has been built already (for benchmarks that time construction). */
export function isEngineBuilt(direction: Direction): boolean {
  return engines.has(directionName(direction));
}

const normalizers = new Map<string, (text: string) => string>();

/**
 * OpenCC's normalisation for a direction (compatibility ideographs to unified ones), the
 * first step of its engine, without building the rest: compiling override rules needs only
 * this, and the whole engine takes about a second to build.
 */
export function getNormalizer(direction: Direction): (text: string) => string {
  return normalizerFor(directionName(direction) as keyof typeof CONFIG);
}

function normalizerFor(key: keyof typeof CONFIG): (text: string) => string {
  let normalize = normalizers.get(key);
  if (!normalize) {
    const config = CONFIG[key].configs[CONFIG[key].name] as PresetConfig | undefined;
    const chain = config?.normalizationChain;
    normalize = chain ? ConverterFactory(...chain) : (text: string): string => text;
    normalizers.set(key, normalize);
  }
  return normalize;
}

function buildEngine(key: keyof typeof CONFIG, useLearned: boolean): Engine {
  const { name, configs, locale, segmentWords } = CONFIG[key];
  const config = configs[name] as PresetConfig | undefined;
  if (!config) throw new Error(`opencc-js has no "${name}" preset: has its package layout changed?`);

  // Same steps as opencc-js's ConverterBuilder and ConverterFactoryWithSegmentation.
  const normalize = normalizerFor(key);
  const segmentation = new Trie();
  const seg = config.segmentation;
  const segGroup: DictGroup =
    Array.isArray(seg) && seg.every((dict) => typeof dict === "string") ? (seg as DictGroup) : [seg as DictLike];
  segmentation.loadDictGroup(segGroup);
  const chain = config.conversionChain.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    return trie;
  });

  const convertSegment = (segment: string): string => {
    let out = segment;
    for (const trie of chain) out = trie.convert(out);
    return out;
  };
  const learned = new Map(
    segmentWords && useLearned ? LEARNED_HANT.map(({ hans, hant }) => [hans, hant] as const) : [],
  );
  const lexicon = segmentWords ? simplifiedLexicon(dictKeys(segGroup), learned.keys()) : undefined;
  const names = segmentWords ? nameWords(convertSegment) : new Map<string, string>();
  // A cache of converted words; name and learned words start in it, so they are what a word converts to.
  const words = new Map([...names, ...learned]);
  return {
    locale,
    ...(lexicon ? { lexicon, personNames: positionalNameWords() } : {}),
    learned,
    names,
    normalize,
    wordEnd(text, index) {
      const match = segmentation.matchPrefix(text, index);
      return match ? match.end : -1;
    },
    unmatchedLength,
    convertSegment,
    convertWord(word) {
      let out = words.get(word);
      if (out === undefined) {
        out = convertSegment(word);
        words.set(word, out);
      }
      return out;
    },
  };
}

/** jieba's personal names (nr) of two or more characters starting with a surname recognised by position. */
function positionalNameWords(): Set<string> {
  const names = new Set<string>();
  for (const [word, tag] of jiebaDictionary().tags) {
    if (tag === "nr" && word.length > 1 && startsWithPositionalSurname(word)) names.add(word);
  }
  return names;
}

/** The keys of an OpenCC dictionary group (opencc-js writes a dictionary as `key value|key value…`). */
function* dictKeys(group: DictGroup): Iterable<string> {
  for (const dict of group) {
    if (typeof dict !== "string") {
      for (const [key] of dict) yield key;
      continue;
    }
    for (const line of dict.split("|")) {
      const key = line.slice(0, line.indexOf(" "));
      if (key) yield key;
    }
  }
}
