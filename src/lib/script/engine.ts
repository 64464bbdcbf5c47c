import { ConverterFactory, Trie, type DictGroup, type DictLike } from "opencc-js/core";
import { configs as cn2tConfigs } from "opencc-js/preset/cn2t";
import { configs as t2cnConfigs } from "opencc-js/preset/t2cn";
import { unmatchedLength } from "./code-points.ts";
import { directionName, type Direction } from "./direction.ts";

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
}

/** The opencc-js preset config names for our two directions: cn→tw is `s2tw`, tw→cn is `tw2s`. */
const CONFIG = {
  "hans→hant": { name: "s2tw", configs: cn2tConfigs, locale: { from: "cn", to: "tw" } },
  "hant→hans": { name: "tw2s", configs: t2cnConfigs, locale: { from: "tw", to: "cn" } },
} as const;

/** The fields opencc-js's ConverterBuilder reads from a preset config (normalizationChain is missing from its types). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

const engines = new Map<string, Engine>();

/** The engine for a direction, built on first use and kept for the life of the process (construction is the main fixed cost). */
export function getEngine(direction: Direction): Engine {
  const key = directionName(direction);
  let engine = engines.get(key);
  if (!engine) {
    engine = buildEngine(key as keyof typeof CONFIG);
    engines.set(key, engine);
  }
  return engine;
}

/** Whether the engine for a direction has been built already (for benchmarks that time construction). */
export function isEngineBuilt(direction: Direction): boolean {
  return engines.has(directionName(direction));
}

function buildEngine(key: keyof typeof CONFIG): Engine {
  const { name, configs, locale } = CONFIG[key];
  const config = configs[name] as PresetConfig | undefined;
  if (!config) throw new Error(`opencc-js has no "${name}" preset: has its package layout changed?`);

  // Same steps as opencc-js's ConverterBuilder and ConverterFactoryWithSegmentation.
  const normalize = config.normalizationChain
    ? ConverterFactory(...config.normalizationChain)
    : (text: string): string => text;
  const segmentation = new Trie();
  const seg = config.segmentation;
  if (Array.isArray(seg) && seg.every((dict) => typeof dict === "string")) {
    segmentation.loadDictGroup(seg as DictGroup);
  } else {
    segmentation.loadDict(seg as DictLike);
  }
  const chain = config.conversionChain.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    return trie;
  });

  return {
    locale,
    normalize,
    wordEnd(text, index) {
      const match = segmentation.matchPrefix(text, index);
      return match ? match.end : -1;
    },
    unmatchedLength,
    convertSegment(segment) {
      let out = segment;
      for (const trie of chain) out = trie.convert(out);
      return out;
    },
  };
}
