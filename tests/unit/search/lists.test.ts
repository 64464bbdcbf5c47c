import { describe, expect, it } from "vitest";
import { listsToPrefetch, PRELOADED_LIST_BYTES, type PageList } from "../../../src/lib/search/manifest.ts";

const list = (shard: number, bytes: number): PageList => ({
  entry: `/pagefind/${shard}/pagefind-entry.json?ts=${shard}`,
  meta: `/pagefind/${shard}/pagefind.zh-hans_${shard}.pf_meta`,
  bytes,
});

describe("the page lists a search page asks for as it opens", () => {
  it("are every shard's when they fit the budget, newest first", () => {
    const lists = [list(2, 52_000), list(1, 100_000), list(0, 1_000)];
    expect(listsToPrefetch(lists)).toEqual(lists);
  });

  it("stop at the first that would pass the budget: a large archive's older shards wait for a search", () => {
    const half = PRELOADED_LIST_BYTES / 2;
    const lists = [list(3, half), list(2, half), list(1, 1), list(0, 1)];
    expect(listsToPrefetch(lists)).toEqual(lists.slice(0, 2));
  });
});
