import { describe, expect, it } from "vitest";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../../../src/lib/script/direction.ts";

const toHant = createConverter(TO_HANT);

describe("names in Simplified→Traditional", () => {
  it("writes a surname as a surname right after a title", () => {
    expect(toHant.convert("中央军委副主席范长龙出席")).toBe("中央軍委副主席范長龍出席");
    expect(toHant.convert("国家卫生健康委党组书记余艳红介绍")).toBe("國家衛生健康委黨組書記余豔紅介紹");
    expect(toHant.convert("浙江大学校长郁建兴表示")).toBe("浙江大學校長郁建興表示");
  });

  it("leaves the same characters alone where they are no surname", () => {
    expect(toHant.convert("主席于3日会见")).toBe("主席於3日會見");
    expect(toHant.convert("工作范围和其余三十余人")).toBe("工作範圍和其餘三十餘人");
    expect(toHant.convert("忧郁")).toBe("憂鬱");
  });

  it("writes names known to jieba's dictionary with their surname", () => {
    expect(toHant.convert("范恒山指出")).toBe("范恆山指出");
  });

  it("keeps 里 in transliterated names", () => {
    expect(toHant.convert("帕特里克·里德说")).toBe("帕特里克·里德說");
    expect(toHant.convert("参议员里德")).toBe("參議員里德");
    expect(toHant.convert("村里的里德")).toBe("村裡的里德");
  });

  it("writes the names of an article's front matter right wherever they stand", () => {
    const article = toHant.withNames(["范长龙", "余艳红", "郁建兴", "约翰·米里松"]);
    expect(article.convert("范长龙、余艳红和郁建兴")).toBe("范長龍、余豔紅和郁建興");
    expect(article.convert("约翰·米里松")).toBe("約翰·米里松");
    expect(toHant.convert("范长龙")).toBe("範長龍");
  });

  it("adds no name rules the other way", () => {
    const toHans = createConverter(TO_HANS);
    expect(toHans.withNames(["范長龍"])).toBe(toHans);
  });
});
