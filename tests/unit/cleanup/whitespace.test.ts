import { describe, expect, it } from "vitest";
import {
  joinCjkLineBreaks,
  normalizeLine,
  normalizeLineEnds,
  normalizeSpaces,
  normalizeWhitespace,
  stripIndent,
} from "../../../src/lib/cleanup/whitespace.ts";

describe("whitespace", () => {
  it("drops a byte order mark and turns CRLF and CR into LF", () => {
    expect(normalizeLineEnds("\uFEFF第一行\r\n第二行\r第三行\n")).toBe("第一行\n第二行\n第三行\n");
  });

  it("removes zero-width and invisible characters", () => {
    expect(normalizeSpaces("脫\u200B貧\u200C攻\u2060堅\uFEFF\u00AD")).toBe("脫貧攻堅");
  });

  it("keeps a zero-width joiner inside an emoji sequence and drops a stray one", () => {
    expect(normalizeSpaces("👨\u200D👩 全\u200D省")).toBe("👨\u200D👩 全省");
  });

  it("turns non-breaking, thin and tab spaces into one ASCII space", () => {
    expect(normalizeSpaces("A\u00A0B\u2009C\tD  E")).toBe("A B C D E");
  });

  it("strips paragraph indentation of full-width, non-breaking and ASCII spaces", () => {
    expect(normalizeLine("\u3000\u30003月3日，全省")).toBe("3月3日，全省");
    expect(normalizeLine("\u00A0\u00A03月3日")).toBe("3月3日");
    expect(normalizeLine("  3月3日,全省  ")).toBe("3月3日,全省");
    expect(stripIndent("\u3000\u3000\t正文")).toBe("正文");
  });

  it("keeps full-width spaces inside a line, where headlines use them", () => {
    expect(normalizeLine("共护一江水\u3000万里长江焕发新活力\u3000")).toBe("共护一江水\u3000万里长江焕发新活力");
  });

  it("keeps at most one blank line between paragraphs", () => {
    expect(normalizeWhitespace("\r\n\r\n第一段\r\n\r\n\r\n\r\n\u3000\u3000第二段 \r\n\r\n")).toBe("第一段\n\n第二段");
  });

  it("joins lines that HTML source wrapped between Chinese characters, not between words", () => {
    expect(joinCjkLineBreaks("全省\n  脫貧，\n攻堅")).toBe("全省脫貧，攻堅");
    expect(joinCjkLineBreaks("English\nwords 中文\nEnglish")).toBe("English\nwords 中文\nEnglish");
  });
});
