import { toSimplified, toTraditionalCharacters } from "./opencc.ts";

/**
 * Script detection: is a text written in Simplified or Traditional script? Most
 * characters are the same in both, so only the characters that differ count: a
 * character that OpenCC changes on the way to Simplified is Traditional-only, one
 * it changes on the way to Traditional is Simplified-only.
 *
 * Characters are judged one by one (cached, so a long text costs little). Some
 * Traditional-looking characters are Simplified too in some words (著 stands for 着
 * in 著作 but Simplified 著名 keeps it), so in a Simplified text each of them is
 * judged again in its context: converting a few characters around it to
 * Simplified, with phrase segmentation, must still change it.
 */

/** What detectScript found. Shares are of the script-specific characters only, 0 to 1. */
export interface ScriptDetection {
  /** hans or hant when the other script is a small minority; mixed otherwise. */
  script: "hans" | "hant" | "mixed";
  /** Characters found only in Simplified script. */
  hans: number;
  /** Characters found only in Traditional script. */
  hant: number;
  hansShare: number;
  hantShare: number;
}

/**
 * A text is mixed when the minority script has more than this share of the
 * script-specific characters (and at least MIXED_MIN of them). Below it they are
 * strays, such as a site's imperfect conversion leaving 關于 or 并 in Traditional text.
 */
export const MIXED_SHARE = 0.1;
/** One or two stray characters say nothing about a short text. */
export const MIXED_MIN = 3;

const NEITHER = 0;
const HANS = 1;
const HANT = 2;
type Kind = typeof NEITHER | typeof HANS | typeof HANT;
const kinds = new Map<string, Kind>();

function kindOf(char: string): Kind {
  let kind = kinds.get(char);
  if (kind === undefined) {
    const toHans = toSimplified(char) !== char;
    const toHant = toTraditionalCharacters(char) !== char;
    kind = toHans === toHant ? NEITHER : toHant ? HANS : HANT;
    kinds.set(char, kind);
  }
  return kind;
}

/** Whether the Traditional-only character at `index` still changes when converted to Simplified with its neighbours. */
function changesInContext(text: string, index: number): boolean {
  const start = Math.max(0, index - 4);
  const window = text.slice(start, index + 5);
  const converted = toSimplified(window);
  if (converted.length !== window.length) return true; // a phrase changed length: keep the character's own verdict
  return converted[index - start] !== text[index];
}

/**
 * Counts the script-specific characters of a text and says which script it is in.
 * A text with none (all characters shared, or no Chinese at all) reads the same in
 * both scripts: it is reported as hans with both shares 0, and callers should say so.
 */
export function detectScript(text: string): ScriptDetection {
  const positions: [number[], number[], number[]] = [[], [], []];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80 || (code >= 0xd800 && code <= 0xdfff)) continue;
    positions[kindOf(text[i] ?? "")].push(i);
  }
  const hans = positions[HANS].length;
  let hant = positions[HANT].length;
  if (hans > hant && hant > 0) hant = positions[HANT].filter((i) => changesInContext(text, i)).length;
  const total = hans + hant;
  const hansShare = total === 0 ? 0 : hans / total;
  const hantShare = total === 0 ? 0 : hant / total;
  const minority = Math.min(hans, hant);
  const mixed = minority >= MIXED_MIN && minority / total > MIXED_SHARE;
  return { script: mixed ? "mixed" : hant > hans ? "hant" : "hans", hans, hant, hansShare, hantShare };
}
