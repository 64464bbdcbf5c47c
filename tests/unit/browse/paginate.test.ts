import { describe, expect, it } from "vitest";
import { pagerNumbers, paginate } from "../../../src/lib/browse/paginate.ts";

describe("pagination", () => {
  it("cuts 120 articles into pages of 50, 50 and 20 numbered from 1", () => {
    const items = Array.from({ length: 120 }, (_, i) => i + 1);
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
