import { describe, expect, it } from "vitest";
import { archivedNumber, archivePages, pagerLinks, pagerNumbers, paginate } from "../../../src/lib/browse/paginate.ts";

/** Items 1..n, oldest first: an item's value is its position counted from the oldest. */
const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe("pagination", () => {
  it("cuts 120 groups into pages of 50, 50 and 20 numbered from 1", () => {
    const items = upTo(120);
    const pages = paginate(items, 50);
    expect(pages.map((page) => [page.number, page.items.length, page.first, page.count])).toEqual([
      [1, 50, 1, 3],
      [2, 50, 51, 3],
      [3, 20, 101, 3],
    ]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
  });

  it("still has one (empty) page for an empty list", () => {
    expect(paginate([], 50)).toEqual([{ number: 1, count: 1, items: [], first: 1, total: 0 }]);
  });

  it("shows the first, last and nearby page numbers, with gaps marked", () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(2, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(5, 10)).toEqual([1, undefined, 3, 4, 5, 6, 7, undefined, 10]);
    expect(pagerNumbers(1, 80)).toEqual([1, 2, 3, undefined, 80]);
  });
});

describe("archive pages (a list that grows at its newest end)", () => {
  const shape = (n: number) =>
    archivePages(upTo(n), 50).map((page) => [page.number, page.front, page.items.length, page.items[0], page.total]);

  it("archives chunks of 50 counted from the oldest and keeps 50 to 99 of the newest on the front page", () => {
    expect(shape(120)).toEqual([
      [1, false, 50, 50, undefined],
      [2, true, 70, 120, 120],
    ]);
    expect(shape(249)).toEqual([
      [1, false, 50, 50, undefined],
      [2, false, 50, 100, undefined],
      [3, false, 50, 150, undefined],
      [4, true, 99, 249, 249],
    ]);
    const [oldest] = archivePages(upTo(120), 50);
    expect(oldest?.items).toEqual(upTo(50).reverse());
  });

  it("puts a group of fewer than 100 on its front page alone, an empty one too", () => {
    expect(shape(0)).toEqual([[1, true, 0, undefined, 0]]);
    expect(shape(1)).toEqual([[1, true, 1, 1, 1]]);
    expect(shape(49)).toEqual([[1, true, 49, 49, 49]]);
    expect(shape(50)).toEqual([[1, true, 50, 50, 50]]);
    expect(shape(99)).toEqual([[1, true, 99, 99, 99]]);
  });

  it("starts a new archived page at each multiple of 50 from 100 on, leaving 50 on the front page", () => {
    expect(shape(100)).toEqual([
      [1, false, 50, 50, undefined],
      [2, true, 50, 100, 100],
    ]);
    expect(shape(150)).toEqual([
      [1, false, 50, 50, undefined],
      [2, false, 50, 100, undefined],
      [3, true, 50, 150, 150],
    ]);
  });

  it("lists every item once, newest first on each page, numbered by its place from the oldest", () => {
    for (const n of [0, 7, 50, 100, 173, 250]) {
      const pages = archivePages(upTo(n), 50);
      expect(pages.every((page) => page.items.every((item, i) => item === page.newest - i))).toBe(true);
      expect(pages.flatMap((page) => page.items).sort((a, b) => a - b)).toEqual(upTo(n));
      expect(pages.map((page) => page.count)).toEqual(pages.map(() => pages.length));
    }
  });

  it("changes only the front page when the newest item is added or removed, unless a chunk of 50 completes", () => {
    for (let n = 0; n < 320; n++) {
      const before = archivePages(upTo(n), 50);
      const after = archivePages(upTo(n + 1), 50);
      const archivedBefore = before.filter((page) => !page.front);
      const completes = n + 1 >= 100 && (n + 1) % 50 === 0;
      if (completes) {
        // The old front page's oldest 50 become an archived page; those already archived keep their items.
        expect(after.length, `${n} → ${n + 1}`).toBe(before.length + 1);
        expect(after.slice(0, archivedBefore.length).map((page) => page.items)).toEqual(
          archivedBefore.map((page) => page.items),
        );
      } else {
        expect(
          after.filter((page) => !page.front),
          `${n} → ${n + 1}`,
        ).toEqual(archivedBefore);
        expect(after.at(-1)?.items, `${n} → ${n + 1}`).not.toEqual(before.at(-1)?.items);
      }
    }
  });
});

describe("pagers", () => {
  it("give the front page the list's own address and the archived pages their numbers", () => {
    expect([1, 2, 3].map((n) => archivedNumber(n, 3))).toEqual([1, 2, undefined]);
    expect(archivedNumber(1, 1)).toBeUndefined();
  });

  it("read from page 1 up by default", () => {
    expect(pagerLinks(2, 3)).toEqual({ numbers: [1, 2, 3], previous: 1, next: 3 });
    expect(pagerLinks(1, 1)).toEqual({ numbers: [1], previous: undefined, next: undefined });
  });

  it("read newest first on archive pages: numbers count down from the front page, next leads to older pages", () => {
    expect(pagerLinks(8, 8, true)).toEqual({ numbers: [8, 7, 6, undefined, 1], previous: undefined, next: 7 });
    expect(pagerLinks(5, 8, true)).toEqual({ numbers: [8, 7, 6, 5, 4, 3, undefined, 1], previous: 6, next: 4 });
    expect(pagerLinks(1, 8, true)).toEqual({ numbers: [8, undefined, 3, 2, 1], previous: 2, next: undefined });
  });
});
