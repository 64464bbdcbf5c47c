import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { findMojibake } from "../../../src/lib/cleanup/mojibake.ts";
import { CORPUS, hasCorpus } from "../../helpers/corpus.ts";

/** What a program that reads UTF-8 bytes as another encoding shows. */
const misread = (text: string, encoding: string) => new TextDecoder(encoding).decode(new TextEncoder().encode(text));
/** The Simplified spelling of the one headline used here, written out so no converter is involved. */
const toSimplifiedByHand = (text: string) =>
  text === "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開"
    ? "全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开"
    : text;

describe("findMojibake: damaged text is found, with its line", () => {
  it("finds question marks where an encoder dropped characters (?!睍 for 。”時)", () => {
    const [finding, ...rest] = findMojibake("第一行\n他說：“今天就到這裡?!睍間不早了");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: "question-marks", line: 2, text: "?!睍" });
  });

  it("finds runs of question marks in Chinese text", () => {
    expect(findMojibake("會議??了重要講話")).toMatchObject([{ kind: "question-marks", text: "??" }]);
  });

  it("finds U+FFFD replacement characters", () => {
    expect(findMojibake("全省脫貧\uFFFD\uFFFD攻堅")).toMatchObject([
      { kind: "replacement-character", line: 1, column: 5 },
    ]);
  });

  it("finds 锟斤拷, a replacement character saved and read as GBK", () => {
    expect(findMojibake("标题锟斤拷锟斤拷")).toMatchObject([{ kind: "known-pattern", text: "锟斤拷锟斤拷" }]);
  });

  it("finds UTF-8 read as Latin-1 and says what it may have been", () => {
    const damaged = misread("新华社 café", "windows-1252");
    const findings = findMojibake(damaged);
    expect(findings.map((f) => f.kind)).toEqual(["latin1-decoded-utf8", "latin1-decoded-utf8"]);
    expect(findings[0]?.message).toContain("«新华社»");
    expect(findings[1]?.message).toContain("«é»");
  });

  it("finds UTF-8 read as GBK and says what it may have been", () => {
    const damaged = misread("发布时间：2020年3月4日", "gbk");
    const findings = findMojibake(`标题\n${damaged}`);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ kind: "gbk-decoded-utf8", line: 2, column: 1 });
    expect(findings[0]?.message).toContain("发布时间");
  });

  it("finds Big5 text read as GBK, and GBK text read as Big5: unusual characters, Cyrillic between Han", () => {
    const text = "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開";
    const big5AsGbk = new TextDecoder("gbk").decode(iconv.encode(text, "big5"));
    const gbkAsBig5 = new TextDecoder("big5").decode(iconv.encode(toSimplifiedByHand(text), "gbk"));
    expect(findMojibake(big5AsGbk).length).toBeGreaterThan(0);
    expect(findMojibake(gbkAsBig5).length).toBeGreaterThan(0);
  });
});

describe("findMojibake: sound text is left alone", () => {
  it.each([
    "你去吗?我去", // one question mark between common characters: a half-width copy, not damage
    "数据要素×”三年行动", // × followed by a curly quote is not Latin-1 mojibake
    "Café, naïve, Grüße, façade",
    "比分3:1,共1,000人",
    "踔厉奋发，菽粟",
    "总台龙年春晚以“龙行龘龘，欣欣家国”为主题", // two unusual characters in a real slogan
    "新冠病毒δ变异株",
    "【忆・红】追寻红色足迹", // the katakana middle dot as a headline separator: GBK and Big5 never decode to it
    "春・寻｜江南好风光",
    "",
  ])("%s", (text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  it.skipIf(!hasCorpus)("finds nothing in the Taiyuan copy", () => {
    expect(findMojibake(readFileSync(path.join(CORPUS, "raw/taiyuan-2020-03-04.txt"), "utf8"))).toEqual([]);
  });

  it.skipIf(!hasCorpus)("finds nothing in a month of xwlb transcripts", () => {
    const files = readdirSync(path.join(CORPUS, "xwlb")).sort().slice(0, 31);
    const findings = files.flatMap((file) => findMojibake(readFileSync(path.join(CORPUS, "xwlb", file), "utf8")));
    expect(findings).toEqual([]);
  });
});
