import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { dropRubyAnnotations } from "../../../src/lib/cleanup/ruby.ts";
import { cleanInline, cleanLine } from "../../../src/lib/cleanup/text.ts";

const parse = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html) as Root;

describe("dropRubyAnnotations", () => {
  it("drops rt and rp and keeps the annotated characters", () => {
    const tree = parse(
      "<p>您<ruby>當<rp>(</rp><rt>dāng</rt><rp>)</rp></ruby>前的<ruby>位<rt>wèi</rt>置<rt>zhì</rt></ruby></p>",
    );
    expect(toText(dropRubyAnnotations(tree))).toBe("您當前的位置");
  });

  it("does not change the tree it is given", () => {
    const tree = parse("<ruby>當<rt>dāng</rt></ruby>");
    dropRubyAnnotations(tree);
    expect(toText(tree)).toBe("當dāng");
  });
});

describe("the cleanup pipeline", () => {
  it("removes pinyin before converting punctuation, so annotations are not made full width", () => {
    expect(cleanLine("\u3000\u3000林武在批示中要求,決戰(zhàn)脫貧攻堅(zhǎng)是決勝全面小康的重要任務(wù).").text).toBe(
      "林武在批示中要求，決戰脫貧攻堅（zhǎng）是決勝全面小康的重要任務.",
    );
  });

  it("leaves a damaged spot exactly as it was, so the warning's quote finds it", () => {
    const cleaned = cleanInline("他說,今天就到這裡?!睍間不早了");
    expect(cleaned.text).toBe("他說，今天就到這裡?!睍間不早了");
    expect(cleaned.mojibake.map((finding) => finding.text)).toEqual(["?!睍"]);
    expect(cleaned.punctuation).toBe(1);
  });

  it("reports what it changed", () => {
    expect(cleanLine("關(guān)于(2020),會議")).toMatchObject({ text: "關于（2020），會議", pinyin: 1, punctuation: 3 });
  });
});
