import { describe, expect, it } from "vitest";
import { patternsDigest, shardKey } from "../../../src/lib/search/shard-cache.ts";

const pages = [
  { url: "/zh-hans/articles/2024-01-02-aaa/", hash: "1" },
  { url: "/zh-hans/articles/2024-01-03-bbb/", hash: "2" },
];

describe("search shard keys", () => {
  it("reuse a shard only when it was scanned for the same conversion patterns", () => {
    const before = patternsDigest(["发展", "頭髮", "理发"]);
    const grown = patternsDigest(["发展", "頭髮", "理发", "发言人"]);
    expect(shardKey(pages, false, "1.6.0", before)).toBe(shardKey(pages, false, "1.6.0", before));
    expect(shardKey(pages, false, "1.6.0", grown)).not.toBe(shardKey(pages, false, "1.6.0", before));
  });

  it("do not depend on the order the patterns were collected in", () => {
    expect(patternsDigest(["理发", "发展"])).toBe(patternsDigest(["发展", "理发"]));
  });

  it("change when a page's HTML changes", () => {
    const edited = [pages[0]!, { ...pages[1]!, hash: "3" }];
    expect(shardKey(edited, false, "1.6.0", "p")).not.toBe(shardKey(pages, false, "1.6.0", "p"));
  });
});
