import type { DictGroup, DictLike } from "opencc-js/core";
import { configs as cn2tConfigs } from "opencc-js/preset/cn2t";
import { configs as t2cnConfigs } from "opencc-js/preset/t2cn";
import { directionName, type Direction } from "../script/direction.ts";
import { lastEngineBuilt } from "../script/engine.ts";
import type { Lexicon } from "../script/segmenter.ts";

/**
 * The steps opencc-js takes for one conversion, as plain maps: a normalisation chain, the
 * segmentation word list, and the conversion chain. The same preset configs the project's
 * converter is built from (src/lib/script/engine.ts): `s2tw` for cn→tw, `tw2s` for tw→cn.
 */
export interface OpenccSteps {
  normalization: Map<string, string>[];
  /** Segmentation words and the value opencc-js stores with them (unused for conversion). */
  segmentation: Map<string, string>;
  chain: Map<string, string>[];
  /**
   * Simplified→Traditional: the word lexicon the build segments with and the word
   * conversions that win over OpenCC's, learned and names (src/lib/script/engine.ts).
   */
  words?: { lexicon: Lexicon; learned: ReadonlyMap<string, string>; personNames: ReadonlySet<string> };
}

/** The fields opencc-js reads from a preset config (normalizationChain is missing from its types). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/** Steps made in this process, by direction: indexing and writing the manifests both need them. */
const made = new Map<string, OpenccSteps>();

/** The opencc-js steps for a direction between the two scripts (made once per process; read-only). */
export function openccSteps(direction: Direction): OpenccSteps {
  const key = directionName(direction);
  const known = made.get(key);
  if (known) return known;
  const steps = makeSteps(direction);
  made.set(key, steps);
  return steps;
}

function makeSteps(direction: Direction): OpenccSteps {
  const config = (direction.to === "hant" ? cn2tConfigs["s2tw"] : t2cnConfigs["tw2s"]) as PresetConfig | undefined;
  if (!config) throw new Error("opencc-js has no s2tw/tw2s preset: has its package layout changed?");
  const segmentation = config.segmentation;
  // In a build the pages have built it already.
  const engine = lastEngineBuilt(direction);
  return {
    ...(engine.lexicon
      ? {
          words: {
            lexicon: engine.lexicon,
            learned: new Map([...engine.names, ...engine.learned]),
            personNames: engine.personNames ?? new Set<string>(),
          },
        }
      : {}),
    normalization: (config.normalizationChain ?? []).map(groupMap),
    segmentation:
      Array.isArray(segmentation) && segmentation.every((dict) => typeof dict === "string")
        ? groupMap(segmentation as DictGroup)
        : groupMap([segmentation as DictLike]),
    chain: config.conversionChain.map(groupMap),
  };
}

/**
 * One map for a dictionary group, with opencc-js's precedence: its Trie loads a group's
 * dictionaries last to first, so the first dictionary wins for a key, and within one
 * dictionary the last line for a key wins.
 */
function groupMap(group: DictGroup): Map<string, string> {
  const map = new Map<string, string>();
  for (const dict of [...group].reverse()) {
    for (const [key, value] of entries(dict)) map.set(key, value);
  }
  return map;
}

function* entries(dict: DictLike): Iterable<readonly [string, string]> {
  if (typeof dict !== "string") {
    yield* dict;
    return;
  }
  for (const line of dict.split("|")) {
    const [key, value] = line.split(" ");
    if (key && value !== undefined) yield [key, value];
  }
}
