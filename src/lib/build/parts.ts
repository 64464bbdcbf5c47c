/**
 * Parts of a build: an archive too large for one machine is built as spans of years, each
 * on a machine of its own, and joined (docs/performance.md, "Building on many machines").
 * Spans are fixed blocks of calendar years (with three years a part: 2019-2021, 2022-2024…,
 * aligned to multiples of the block size), so a year always falls in the same part, however
 * many years the archive holds: adding an older year never moves the others.
 */

/** A span of calendar years, both ends included. */
export interface YearSpan {
  first: number;
  last: number;
}

/** The span the year falls in, with `yearsPerPart` years a part. */
export function spanOf(year: number, yearsPerPart: number): YearSpan {
  if (!Number.isInteger(yearsPerPart) || yearsPerPart < 1)
    throw new RangeError(`years per part must be a positive whole number, got ${yearsPerPart}`);
  const first = Math.floor(year / yearsPerPart) * yearsPerPart;
  return { first, last: first + yearsPerPart - 1 };
}

/** A span's name, used for its part's folder and its search shards: "2023" or "2019-2021". */
export function spanName(span: YearSpan): string {
  return span.first === span.last ? String(span.first) : `${span.first}-${span.last}`;
}

/** Reads a span's name ("2023", "2019-2021"), or throws saying what was expected. */
export function parseSpan(name: string): YearSpan {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(name.trim());
  const first = Number(match?.[1]);
  const last = Number(match?.[2] ?? match?.[1]);
  if (!match || last < first)
    throw new Error(`a part is a year or a span of years like 2023 or 2019-2021, got "${name}"`);
  return { first, last };
}

/** Whether a calendar day (YYYY-MM-DD) falls in the span. */
export function spanHolds(span: YearSpan, day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= span.first && year <= span.last;
}

/** The parts of an archive whose articles fall in the given years: one per span that has articles, oldest first. */
export function planParts(years: Iterable<number>, yearsPerPart: number): YearSpan[] {
  const spans = new Map<number, YearSpan>();
  for (const year of years) {
    const span = spanOf(year, yearsPerPart);
    spans.set(span.first, span);
  }
  return [...spans.values()].sort((a, b) => a.first - b.first);
}
