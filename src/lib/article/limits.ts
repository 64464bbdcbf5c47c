/**
 * Limits that keep one hostile or damaged file from taking the build down. The
 * Markdown parser recurses, so very deep nesting would end the build in a stack
 * overflow instead of a message; these checks are cheap and run before parsing.
 */

/** Largest article file accepted: far above any law or report, well below what stalls a build. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** Deepest nesting of quotes, lists or HTML elements accepted in a body. */
export const MAX_NESTING = 64;

/** A problem found by the limits, with its 1-based line. */
export interface LimitProblem {
  line: number;
  message: string;
}

// C0 controls other than tab, line feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// HTML elements with no end tag, or whose end tag may be left out: they do not nest.
const NON_NESTING = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option rt rp colgroup".split(
    " ",
  ),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;

/** The first control character in a file's text, reported with its line and code point. */
export function findControlCharacter(text: string): LimitProblem | undefined {
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const match = CONTROL.exec(lines[index] ?? "");
    if (match) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      return {
        line: index + 1,
        message: `control character U+${code} at column ${match.index + 1}: remove it (it is invisible and breaks feeds and exports)`,
      };
    }
  }
  return undefined;
}

/** Nesting deeper than MAX_NESTING (quotes, list indentation, HTML elements), with its line. */
export function findExcessiveNesting(body: string, firstLine = 1): LimitProblem | undefined {
  const lines = body.split("\n");
  let htmlDepth = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const quotes = /^(?:\s*>)+/.exec(line)?.[0].split(">").length ?? 1;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, "    ").length ?? 0;
    for (const [, closing, name, selfClosing] of line.matchAll(TAG)) {
      if (selfClosing || NON_NESTING.has((name ?? "").toLowerCase())) continue;
      htmlDepth = Math.max(0, htmlDepth + (closing ? -1 : 1));
      if (htmlDepth > MAX_NESTING) break;
    }
    if (quotes - 1 > MAX_NESTING || indent > MAX_NESTING * 4 || htmlDepth > MAX_NESTING) {
      return {
        line: firstLine + index,
        message: `nesting deeper than ${MAX_NESTING} levels (quotes, lists or HTML elements): flatten it`,
      };
    }
  }
  return undefined;
}
