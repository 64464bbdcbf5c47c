import { describe, expect, it } from "vitest";
import { readSearchState, searchPath, writeSearchState } from "../../../src/lib/search/state.ts";

describe("search state in the address", () => {
  it("reads the query, the order and the filters", () => {
    const state = readSearchState(new URLSearchParams("q=乡村振兴&sort=newest&year=2023&source=央视网&other=x"));
    expect(state).toEqual({ query: "乡村振兴", sort: "newest", filters: { year: "2023", source: "央视网" } });
  });

  it("falls back to relevance for an unknown order and ignores empty filters", () => {
    expect(readSearchState(new URLSearchParams("q=a&sort=random&year="))).toEqual({
      query: "a",
      sort: "relevance",
      filters: {},
    });
  });

  it("writes equal searches as equal addresses, leaving defaults out", () => {
    const a = writeSearchState({ query: "脱贫", sort: "relevance", filters: { year: "2020", source: "山西日报" } });
    const b = writeSearchState({ query: "脱贫", sort: "relevance", filters: { source: "山西日报", year: "2020" } });
    expect(a).toBe(b);
    expect(a).not.toContain("sort");
    expect(readSearchState(new URLSearchParams(a))).toEqual({
      query: "脱贫",
      sort: "relevance",
      filters: { year: "2020", source: "山西日报" },
    });
  });

  it("has a search page in each script", () => {
    expect(searchPath("hans")).toBe("/zh-hans/search/");
    expect(searchPath("hant")).toBe("/zh-hant/search/");
  });
});
