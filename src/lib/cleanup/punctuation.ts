import { isAsciiDigit, isChinese, type Span } from "./chars.ts";
import type { Cleaned } from "./types.ts";

/**
 * Half-width punctuation in Chinese text back to full width. Copying from some
 * pages (and some input methods) turns ，：；？！（）“” into , : ; ? ! ( ) ", which
 * Chinese typography does not use. A mark is converted only where the text around
 * it is Chinese; numbers (1,000, 07:41), web and e-mail addresses and Latin text
 * keep theirs. The full stop is left alone: 。 has no half-width twin a copy could
 * produce, and a . in Chinese text is part of a number, an address or a list label.
 */

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "，",
  ":": "：",
  ";": "；",
  "?": "？",
  "!": "！",
  "(": "（",
  ")": "）",
};

/** Characters looked through when finding the text around a mark: spaces and quotes wrap text, they are not it. */
const TRANSPARENT = new Set([" ", '"', "'", "“", "”", "‘", "’"]);

const NOT_IN_ADDRESS = String.raw`\s<>"'\u3000-\u303F\uFF00-\uFFEF\p{Script=Han}`;
const WEB_ADDRESS = new RegExp(
  String.raw`\b(?:https?|ftp):\/\/[^${NOT_IN_ADDRESS}]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^${NOT_IN_ADDRESS}]*`,
  "giu",
);
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Spans of web and e-mail addresses, whose punctuation belongs to them. Trailing
 * sentence punctuation and an unbalanced closing parenthesis are left out, as
 * linkifiers do: in `见http://x.cn/a,了解` the comma ends the clause.
 */
export function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(WEB_ADDRESS)) {
    let address = match[0];
    for (;;) {
      const trimmed = address.replace(/[.,;:!?]+$/, "");
      const unbalanced = trimmed.endsWith(")") && count(trimmed, ")") > count(trimmed, "(");
      address = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (!unbalanced) break;
    }
    spans.push({ start: match.index, end: match.index + address.length });
  }
  for (const match of text.matchAll(EMAIL_ADDRESS))
    spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Converts , : ; ? ! ( ) and straight double quotes to ，：；？！（）“” where the text
 * around them is Chinese, and drops spaces next to a converted mark (full-width
 * punctuation carries its own spacing). Spans in `keep`, and addresses, are not touched.
 */
export function toFullWidthPunctuation(text: string, keep: readonly Span[] = []): Cleaned {
  if (!/[,:;?!()"]/.test(text)) return { text, count: 0 }; // most clean text: nothing to look at
  const out = text.split("");
  const locked = new Uint8Array(text.length);
  for (const { start, end } of [...addressSpans(text), ...keep])
    locked.fill(1, Math.max(0, start), Math.min(text.length, end));
  const converted = new Uint8Array(text.length);
  const convert = (index: number, to: string) => {
    out[index] = to;
    converted[index] = 1;
  };

  const before = (index: number) => neighbour(out, index, -1);
  const after = (index: number) => neighbour(out, index, +1);
  const chineseAround = (open: number, close: number) =>
    isChinese(before(open)) || isChinese(after(close)) || hasChinese(out, open + 1, close);

  // Quotes pair up in order; a pair is Chinese when its content or its surroundings are.
  const quotes: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if (locked[i]) continue;
    const char = out[i];
    if (char === "“") quotes.push(i);
    else if (char === '"' && (quotes.length === 0 || out[quotes.at(-1) ?? -1] === "”")) quotes.push(i);
    else if (char === '"' || char === "”") {
      const open = quotes.pop();
      if (open === undefined) continue;
      if ((out[open] === '"' || char === '"') && chineseAround(open, i)) {
        if (out[open] === '"') convert(open, "“");
        if (char === '"') convert(i, "”");
      }
    }
  }

  // Parentheses pair up with nesting; a lone one is judged by its neighbours.
  const parens: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if (locked[i]) continue;
    const char = out[i];
    if (char === "(" || char === "（") parens.push(i);
    else if (char === ")" || char === "）") {
      const open = parens.pop();
      if (open === undefined) {
        if (char === ")" && (isChinese(before(i)) || isChinese(after(i)))) convert(i, "）");
        continue;
      }
      const mixed = out[open] === "（" || char === "）";
      if (mixed || chineseAround(open, i)) {
        if (out[open] === "(") convert(open, "（");
        if (char === ")") convert(i, "）");
      }
    }
  }
  for (const open of parens) {
    if (out[open] === "(" && (isChinese(before(open)) || isChinese(after(open)))) convert(open, "（");
  }

  // Single marks, judged by the nearest text on each side (after the pairs above, so
  // a converted ） counts as Chinese). A comma or colon between digits is a number or a time.
  for (let i = 0; i < out.length; i++) {
    const char = out[i] ?? "";
    if (locked[i] || !",:;?!".includes(char)) continue;
    if ((char === "," || char === ":") && isAsciiDigit(out[i - 1]) && isAsciiDigit(out[i + 1])) continue;
    if (isChinese(before(i)) || isChinese(after(i))) convert(i, FULL_WIDTH[char] ?? char);
  }

  let result = "";
  let changes = 0;
  for (let i = 0; i < out.length; i++) {
    if (converted[i]) changes++;
    if (
      out[i] === " " &&
      !locked[i] &&
      (nextNonSpaceConverted(out, converted, i, -1) || nextNonSpaceConverted(out, converted, i, +1))
    ) {
      continue;
    }
    result += out[i];
  }
  return { text: result, count: changes };
}

/** The nearest character in a direction that is not a space or a quote, as a whole code point. */
function neighbour(units: readonly string[], index: number, step: -1 | 1): string | undefined {
  let j = index + step;
  while (j >= 0 && j < units.length) {
    let char = units[j] ?? "";
    if (step < 0 && isLowSurrogate(char) && isHighSurrogate(units[j - 1])) {
      char = (units[j - 1] ?? "") + char;
      j--;
    } else if (step > 0 && isHighSurrogate(char) && isLowSurrogate(units[j + 1])) {
      char += units[j + 1] ?? "";
      j++;
    }
    if (!TRANSPARENT.has(char)) return char;
    j += step;
  }
  return undefined;
}

function hasChinese(units: readonly string[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = units[i] ?? "";
    const char = isHighSurrogate(unit) && isLowSurrogate(units[i + 1]) ? unit + (units[i + 1] ?? "") : unit;
    if (isChinese(char)) return true;
  }
  return false;
}

function nextNonSpaceConverted(units: readonly string[], converted: Uint8Array, index: number, step: -1 | 1): boolean {
  let j = index + step;
  while (units[j] === " ") j += step;
  return j >= 0 && j < units.length && converted[j] === 1;
}

function isHighSurrogate(unit: string | undefined): boolean {
  const code = unit?.charCodeAt(0) ?? 0;
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(unit: string | undefined): boolean {
  const code = unit?.charCodeAt(0) ?? 0;
  return code >= 0xdc00 && code <= 0xdfff;
}
