import { describe, expect, it } from "vitest";
import { chineseNumeral, parseNumeral } from "../../../src/lib/structure/numerals.ts";

describe("reading numbers as legal text writes them", () => {
  it("reads the clause numbers of a long law", () => {
    expect(parseNumeral("一")).toBe(1);
    expect(parseNumeral("十")).toBe(10);
    expect(parseNumeral("十二")).toBe(12);
    expect(parseNumeral("二十")).toBe(20);
    expect(parseNumeral("二十一")).toBe(21);
    expect(parseNumeral("一百")).toBe(100);
    expect(parseNumeral("一百零三")).toBe(103);
    expect(parseNumeral("一百一十")).toBe(110);
    expect(parseNumeral("一百一十二")).toBe(112);
    expect(parseNumeral("二百八十七")).toBe(287);
    expect(parseNumeral("一千二百六十")).toBe(1260);
    expect(parseNumeral("一千零一")).toBe(1001);
    expect(parseNumeral("两千")).toBe(2000);
    expect(parseNumeral("一万零五")).toBe(10005);
  });

  it("reads Arabic digits in either width and digit-by-digit Chinese", () => {
    expect(parseNumeral("12")).toBe(12);
    expect(parseNumeral("１２")).toBe(12);
    expect(parseNumeral("一〇三")).toBe(103);
  });

  it("refuses what is not a number", () => {
    expect(parseNumeral("")).toBeUndefined();
    expect(parseNumeral("总则")).toBeUndefined();
    expect(parseNumeral("十十")).toBeUndefined();
    expect(parseNumeral("百一千")).toBeUndefined();
    expect(parseNumeral("三二十")).toBeUndefined();
  });
});

describe("writing numbers as legal text writes them", () => {
  it("writes clause numbers the way laws print them", () => {
    const written = [1, 10, 12, 20, 103, 110, 287, 1001, 1260].map(chineseNumeral);
    expect(written).toEqual([
      "一",
      "十",
      "十二",
      "二十",
      "一百零三",
      "一百一十",
      "二百八十七",
      "一千零一",
      "一千二百六十",
    ]);
  });

  it("writes every number from 1 to 9999 so that it reads back as itself", () => {
    for (let value = 1; value <= 9999; value++) expect(parseNumeral(chineseNumeral(value))).toBe(value);
  });
});
