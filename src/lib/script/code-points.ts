/**
 * How OpenCC steps through text, shared by the build's converter (engine.ts) and the
 * browser's query converter (src/lib/search/query-converter.ts), which must segment
 * exactly alike.
 */

/**
 * Mirrors opencc-js: outside words it steps one code point at a time, except that an
 * ideographic description sequence (⿰氵工) is stepped over whole, so no word is matched inside it.
 */
export function unmatchedLength(text: string, index: number): number {
  const end = idsEnd(text, index);
  return end > index ? end - index : codePointLength(text, index);
}

/** Whether a UTF-16 code unit is the second half of a surrogate pair: no match may end before one. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function codePointLength(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

function idsArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

function idsEnd(text: string, index: number): number {
  const arity = idsArity(text.codePointAt(index) ?? 0);
  if (arity === 0) return 0;
  let end = index + codePointLength(text, index);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length) return 0;
    const child = idsEnd(text, end);
    end = child || end + codePointLength(text, end);
  }
  return end;
}
