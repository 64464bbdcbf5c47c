import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isReadingOf, readingsOf, removePinyinAnnotations, syllableKey } from "../../../src/lib/cleanup/pinyin.ts";
import { CORPUS, hasCorpus } from "../../helpers/corpus.ts";

const TAIYUAN = path.join(CORPUS, "raw/taiyuan-2020-03-04.txt");
const strip = (text: string) => removePinyinAnnotations(text).text;

describe("removePinyinAnnotations: annotations that are readings go", () => {
  it.each([
    ["當(dāng)前", "當前"],
    ["关(guān)于", "关于"],
    ["關(guān)于", "關于"],
    ["太原新聞網(wǎng)(太原日報)", "太原新聞網(太原日報)"],
    ["重(chóng)庆", "重庆"],
    ["重(zhòng)要", "重要"],
    ["行(háng)业", "行业"],
    ["长(zhǎng)大", "长大"],
    ["綠(lǜ)色", "綠色"],
    ["绿(lv4)色", "绿色"],
    ["绿(lu:4)色", "绿色"],
    ["女(nü3)士", "女士"],
    ["戰(zhan4)略", "戰略"],
    ["戰(ZHÀN)略", "戰略"],
    ["的(de)", "的"],
    ["了（liǎo）解", "了解"],
    ["当前(dāng qián)形势", "当前形势"],
    ["当前(dang1qian2)形势", "当前形势"],
    ["西安(xī'ān)市", "西安市"],
    ["們(men)", "們"],
    ["業(yè)務(wù)", "業務"],
  ])("%s -> %s", (input, expected) => {
    expect(strip(input)).toBe(expected);
  });

  it("counts what it removed", () => {
    expect(removePinyinAnnotations("業(yè)務(wù)發(fā)展").count).toBe(3);
  });
});

describe("removePinyinAnnotations: everything else stays", () => {
  it.each([
    "中国(China)",
    "张三(编辑)",
    "(2020)",
    "GDP(国内生产总值)",
    "第(1)条",
    "人工智能(AI)",
    "关(guan)于", // no tone: 关 has no neutral reading, so this is not an annotation
    "李(Li)", // a name's romanisation, not a toned reading
    "当(qián)前", // a reading, but of another character
    "当前(dāng)", // one syllable for two characters: the reading of 前 is qián
    "当前(dāng qián zhōng)",
    "(dāng)", // nothing before it to annotate
    "see f(x)",
    "北京(Beijing, China)",
    "编号(A1)",
    "函数(sin2)",
  ])("%s", (input) => {
    expect(removePinyinAnnotations(input)).toEqual({ text: input, count: 0 });
  });
});

describe("readings", () => {
  it("knows polyphonic characters in both scripts", () => {
    expect(readingsOf("當")).toEqual(new Set(["dang1", "dang4", "dang3"]));
    expect([...readingsOf("当")].every((reading) => readingsOf("當").has(reading))).toBe(true);
    expect(readingsOf("長")).toContain("zhang3");
    expect(readingsOf("乾")).toContain("qian2");
  });

  it("reads tone marks, tone numbers and ü spellings alike", () => {
    expect(syllableKey("lǜ")).toBe("lü4");
    expect(syllableKey("lv4")).toBe("lü4");
    expect(syllableKey("LU:4")).toBe("lü4");
    expect(syllableKey("de")).toBe("de5");
    expect(syllableKey("de0")).toBe("de5");
    expect(syllableKey("20")).toBeUndefined();
    expect(syllableKey("a-b")).toBeUndefined();
    expect(syllableKey("ā́")).toBeUndefined(); // two tones
  });

  it("matches several characters to run-together syllables", () => {
    expect(isReadingOf("脫貧", "tuōpín")).toBe(true);
    expect(isReadingOf("脫貧", "tuō")).toBe(false);
    expect(isReadingOf("abc", "tuō")).toBe(false);
  });
});

describe.skipIf(!hasCorpus)("the Taiyuan copy", () => {
  it("loses every pinyin annotation and nothing else in parentheses", () => {
    const raw = readFileSync(TAIYUAN, "utf8");
    const annotations = raw.match(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu) ?? [];
    const { text, count } = removePinyinAnnotations(raw);
    expect(annotations.length).toBeGreaterThan(100);
    expect(count).toBe(annotations.length);
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
    expect(text).toContain("太原新聞網(太原日報報業集團)");
    expect(text).toContain("(責編:田洲)");
    expect(text.length).toBe(raw.length - annotations.reduce((sum, a) => sum + a.length - 1, 0));
  });
});
