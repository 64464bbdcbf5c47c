/** One page of a long list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, so an empty list still has a page saying so). */
  count: number;
  items: readonly T[];
  /** 1-based position of the first item on this page in the whole list. */
  first: number;
  /** Length of the whole list. */
  total: number;
}

/** Cuts a list into pages of `size` items. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
    first: i * size + 1,
    total: items.length,
  }));
}

/**
 * The page numbers a pager shows: the first, the last and those within `spread` of
 * the current one, with `undefined` where numbers are left out. Keeps the pager to
 * one line on a phone however many pages there are.
 */
export function pagerNumbers(current: number, count: number, spread = 2): (number | undefined)[] {
  const shown: (number | undefined)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= spread) shown.push(n);
    else if (shown.at(-1) !== undefined) shown.push(undefined);
  }
  return shown;
}
