import { describe, expect, it } from "vitest";
import { articleSchema } from "../../../src/lib/article/schema.ts";
import { articleFilters, articleSortValue } from "../../../src/lib/search/filters.ts";

const meta = articleSchema.parse({
  id: "2020-03-04-1h89qg",
  title: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
  date: "2020-03-04T07:41:00+08:00",
  script: "hant",
  source: "山西日報",
  section: "綜合新聞",
  persons: ["樓陽生", "林武", "樓陽生"],
  places: "山西省",
  topics: ["脫貧攻堅"],
  status: "in_force",
});

describe("search facets of an article", () => {
  it("lists source, year, section, people, places, topics and status, each value once", () => {
    expect(articleFilters(meta, () => "現行有效")).toEqual([
      ["source", "山西日報"],
      ["year", "2020"],
      ["section", "綜合新聞"],
      ["person", "樓陽生"],
      ["person", "林武"],
      ["place", "山西省"],
      ["topic", "脫貧攻堅"],
      ["status", "現行有效"],
    ]);
  });

  it("sorts by publication time in UTC, so articles in other zones interleave correctly", () => {
    expect(articleSortValue(meta)).toBe("2020-03-03T23:41:00.000Z");
    const tokyo = articleSchema.parse({ ...meta, date: "2020-03-04T08:30:00+09:00" });
    expect(articleSortValue(tokyo) < articleSortValue(meta)).toBe(true);
  });
});
