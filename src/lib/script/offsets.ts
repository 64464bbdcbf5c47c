import type { DetailedConversion } from "./converter.ts";

/**
 * Maps an offset in the converted source to the matching offset in the output:
 * character by character inside text OpenCC converted (its mapping is one to one),
 * and to the end of an override whose output has another length, so that a
 * replacement is never cut in two.
 */
export function outputOffset(conversion: DetailedConversion, offset: number): number {
  const { spans, source, output } = conversion;
  // Binary search for the span holding the offset.
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid]?.to ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  if (!span || offset >= span.to) return output.length;
  if (offset <= span.from) return span.outFrom;
  if (!span.aligned) return span.outTo;
  let out = span.outFrom;
  for (let i = span.from; i < offset;) {
    i += (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    out += (output.codePointAt(out) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}
