/**
 * Character classes shared by the cleanup steps. Copied Chinese text mixes Han
 * characters, full-width punctuation, Latin words and digits; every step decides
 * what to do from the characters around a spot, so the classes live in one place.
 */

const HAN = /^\p{Script=Han}$/u;

/** Whether a single character (code point) is a Han ideograph, in either script. */
export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * Whether a character is CJK punctuation or a full-width form (，。、：《》【】 and the like),
 * which marks the text around it as Chinese. Curly quotes are not counted: English uses them too.
 */
export function isCjkPunctuation(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x3000 && code <= 0x303f) || // 、。〈〉《》「」『』【】〔〕 and the ideographic space
    (code >= 0xff00 && code <= 0xffef) || // ，：；？！（） and other full-width forms
    (code >= 0xfe30 && code <= 0xfe4f) || // vertical and compatibility forms
    code === 0x2014 || // — (the Chinese dash is two of these)
    code === 0x2026 || // …
    code === 0x00b7 // · in foreign names
  );
}

/** Whether a character makes its surroundings Chinese text: a Han character or CJK punctuation. */
export function isChinese(char: string | undefined): boolean {
  return char !== undefined && (isHan(char) || isCjkPunctuation(char));
}

/** Whether a character is an ASCII digit. */
export function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** The code point that ends just before `index` (UTF-16 offset), or undefined at the start. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** The code point that starts at `index` (UTF-16 offset), or undefined at the end. */
export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** A span of a string by UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}
