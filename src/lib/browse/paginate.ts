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
  checkSize(size);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
    first: i * size + 1,
    total: items.length,
  }));
}

/** One page of a list that grows at its newest end (a group's or a period's articles). */
export interface ArchivePage<T> {
  /** 1-based, counted from the oldest page; the front page has the highest number. */
  number: number;
  /** How many pages the list has: the front page's number. */
  count: number;
  /** Whether this is the front page: the newest items, at the list's address without a number. */
  front: boolean;
  /** The page's items, newest first. */
  items: readonly T[];
  /** Position of the page's newest item counted from the oldest (1-based), so that an item keeps its number as the list grows. */
  newest: number;
  /** Length of the whole list, on the front page only: the archived pages must not change as the list grows. */
  total?: number;
}

/**
 * Cuts a list (oldest first) into pages that stay the same as newer items arrive: full
 * chunks of `size` counted from the oldest item are the archived pages 1, 2, …, and the
 * front page holds the rest, between `size` and 2 × `size` − 1 items (all of them in a list
 * shorter than `size`). Adding or removing the newest item changes the front page only,
 * unless it completes or breaks a chunk.
 */
export function archivePages<T>(oldestFirst: readonly T[], size: number): ArchivePage<T>[] {
  checkSize(size);
  const archived = Math.max(0, Math.floor(oldestFirst.length / size) - 1);
  return Array.from({ length: archived + 1 }, (_, i): ArchivePage<T> => {
    const front = i === archived;
    const end = front ? oldestFirst.length : (i + 1) * size;
    const page = {
      number: i + 1,
      count: archived + 1,
      front,
      items: oldestFirst.slice(i * size, end).reverse(),
      newest: end,
    };
    return front ? { ...page, total: oldestFirst.length } : page;
  });
}

/** The number in the address of archive page `n` of `count`: none for the front page, which is the list's own address. */
export function archivedNumber(n: number, count: number): number | undefined {
  return n === count ? undefined : n;
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
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

/** What a pager shows, in reading order: the page numbers (`undefined` for a gap) and the pages before and after the current one. */
export interface PagerLinks {
  numbers: (number | undefined)[];
  previous: number | undefined;
  next: number | undefined;
}

/**
 * The pager of page `current` of `count`. Pages read from 1 up, except archive pages
 * (`archivePages`), which read newest first: from the front page (the highest number)
 * down to 1, so "next" leads to older articles.
 */
export function pagerLinks(current: number, count: number, newestFirst = false): PagerLinks {
  const step = newestFirst ? -1 : 1;
  const within = (n: number): number | undefined => (n >= 1 && n <= count ? n : undefined);
  const numbers = pagerNumbers(current, count);
  return {
    numbers: newestFirst ? numbers.reverse() : numbers,
    previous: within(current - step),
    next: within(current + step),
  };
}
