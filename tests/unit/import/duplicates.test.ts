import { Converter } from "opencc-js";
import { describe, expect, it } from "vitest";
import { DuplicateIndex, duplicateKeys, foldText } from "../../../src/lib/import/duplicates.ts";
import { xwlbItems } from "./xwlb.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

// The other script made with OpenCC itself, as another site would have published it.
const toTraditional = Converter({ from: "cn", to: "tw" });

describe("foldText", () => {
  it("folds both scripts, punctuation widths and letter case to one key", () => {
    expect(foldText("全省脫貧攻堅問題排查整改（暨掛牌督戰）")).toBe(foldText("全省脱贫攻坚问题排查整改(暨挂牌督战)"));
    expect(foldText("“十四五”规划，ＧＤＰ增长 3.5%")).toBe(foldText('"十四五"規劃, GDP增長3.5%'));
  });

  it("keeps different texts apart", () => {
    expect(foldText("国内联播快讯")).not.toBe(foldText("国际联播快讯"));
  });
});

describe.skipIf(!hasCorpus)("DuplicateIndex", () => {
  const items = hasCorpus ? xwlbItems(300) : [];
  const index = new DuplicateIndex();
  for (const item of items) index.add(`${item.url}`, { title: item.title, day: item.day, body: item.html });

  it("finds each article again when it comes back in Traditional script", () => {
    for (const item of items.slice(0, 50)) {
      const found = index.find({ title: toTraditional(item.title), day: item.day, body: toTraditional(item.html) });
      expect(found?.file).toBe(item.url);
    }
  });

  it("finds an article with a reworded title by its opening text", () => {
    const item = items[0];
    if (!item) throw new Error("no items");
    expect(index.find({ title: "另一個標題", day: item.day, body: toTraditional(item.html) })).toEqual({
      file: item.url,
      reason: "same opening text",
    });
  });

  it("does not take an article of another day or another title and text for a duplicate", () => {
    const item = items[0];
    if (!item) throw new Error("no items");
    expect(index.find({ title: item.title, day: "1999-01-01", body: item.html })).toBeUndefined();
    expect(
      index.find({
        title: "完全不同的新聞標題",
        day: item.day,
        body: "<p>完全不同的正文，講的是另一件事情，和任何已有文章都不一樣，長度也足夠。</p>",
      }),
    ).toBeUndefined();
  });

  it("finds no duplicates among distinct corpus items", () => {
    const fresh = new DuplicateIndex();
    const found = items.filter((item) => {
      const duplicate = fresh.find({ title: item.title, day: item.day, body: item.html });
      fresh.add(item.url, { title: item.title, day: item.day, body: item.html });
      return duplicate !== undefined;
    });
    expect(found).toEqual([]);
  });

  it("gives short bodies no body key", () => {
    expect(duplicateKeys({ title: "標題", day: "2020-03-04", body: "短。" }).body).toBeUndefined();
  });

  it("forgets a file that is replaced", () => {
    const local = new DuplicateIndex();
    local.add("a.md", { title: "標題", day: "2020-03-04", body: "" });
    local.remove("a.md");
    expect(local.find({ title: "標題", day: "2020-03-04", body: "" })).toBeUndefined();
  });
});
