import { ConverterFactory, Locale, type DictGroup } from "opencc-js";
import { createConverter, TO_HANS } from "../script/index.ts";

let toTwChars: ((text: string) => string) | undefined;

/** Converts text to Simplified script with the site's converter; used to fold both scripts to one. */
export function toSimplified(text: string): string {
  return createConverter(TO_HANS).convert(text);
}

/**
 * Converts text to Traditional script character by character (OpenCC's cn -> tw
 * character table without its phrase table). Enough to tell which characters are
 * Simplified-only, and 70 ms to build instead of over a second with the 49,000 phrases.
 */
export function toTraditionalCharacters(text: string): string {
  if (!toTwChars) {
    // Locale.from.cn is one group: [phrases, characters].
    const characters = Locale.from.cn?.[0]?.[1];
    if (characters === undefined) throw new Error("opencc-js: the cn character table is missing");
    toTwChars = ConverterFactory([characters] as DictGroup, ...(Locale.to.tw ?? []));
  }
  return toTwChars(text);
}
