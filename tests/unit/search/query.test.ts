import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, normalizeQuery } from "../../../src/lib/search/query.ts";
import { SORT_ANCHOR_WORD } from "../../../src/lib/search/shards.ts";

describe("query normalisation", () => {
  it("makes full-width Latin letters, digits and spaces half-width", () => {
    expect(normalizeQuery("２０２０年")).toBe("2020年");
    expect(normalizeQuery("ＡＰＥＣ　会议")).toBe("APEC 会议");
  });

  it("turns phrases in Chinese quotation marks into a phrase search", () => {
    expect(normalizeQuery("「掛牌督戰」")).toBe('"掛牌督戰"');
    expect(normalizeQuery("“乡村振兴”")).toBe('"乡村振兴"');
    expect(normalizeQuery("『空谈误国』")).toBe('"空谈误国"');
  });

  it("collapses spaces and trims", () => {
    expect(normalizeQuery("  乡村振兴 \t  浙江 ")).toBe("乡村振兴 浙江");
  });

  it("never lets the shard sort anchor through", () => {
    expect(normalizeQuery(`乡村 ${SORT_ANCHOR_WORD}`)).toBe("乡村");
    expect(normalizeQuery(SORT_ANCHOR_WORD.toUpperCase())).toBe("");
  });

  it("caps the length of a pasted text", () => {
    expect(Array.from(normalizeQuery("发展".repeat(200)))).toHaveLength(MAX_QUERY_LENGTH);
  });
});
