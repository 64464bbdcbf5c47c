import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../../src/lib/import/decode.ts";

const fails = (bytes: Uint8Array, options = {}) => {
  try {
    decodeInput(bytes, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
};

describe("decodeInput", () => {
  it("reads UTF-8, dropping a byte order mark, and UTF-16 with one", () => {
    expect(decodeInput(Buffer.from("\uFEFF脫貧攻堅"))).toBe("脫貧攻堅");
    expect(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("脫貧攻堅", "utf16le")]))).toBe(
      "脫貧攻堅",
    );
  });

  it("says a GBK file is not UTF-8, names the likely encoding and the command to convert it", () => {
    const message = fails(iconv.encode("标题\n全省脱贫攻坚问题排查整改", "gbk"), { name: "copy.txt" });
    expect(message).toMatch(/not UTF-8 text \(line 1\)/);
    expect(message).toMatch(/GBK/);
    expect(message).toContain("iconv -f GB18030 -t UTF-8 copy.txt > copy.utf8.txt");
  });

  it("tells Big5 from GBK", () => {
    expect(fails(iconv.encode("全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開", "big5"))).toMatch(/Big5/);
  });

  it("names the first line that is not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("第一行\n第二行\n"), iconv.encode("第三行", "gbk")]);
    expect(fails(bytes)).toMatch(/line 3/);
  });

  it("rejects empty, blank and binary files, and says what a PDF or a Word file is", () => {
    expect(fails(new Uint8Array())).toMatch(/empty/);
    expect(fails(Buffer.from(" \n\u3000\n"))).toMatch(/no text/);
    expect(fails(Uint8Array.from([0x00, 0x01, 0x02, 0x03]))).toMatch(/binary/);
    expect(fails(Buffer.from("%PDF-1.7\n..."))).toMatch(/PDF/);
    expect(fails(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatch(/docx/);
  });

  it("reads an HTML page in the encoding it declares, but not a text file", () => {
    const page = iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>脱贫</p></body></html>',
      "gbk",
    );
    expect(decodeInput(page, { html: true })).toContain("<p>脱贫</p>");
    expect(fails(page)).toMatch(/not UTF-8/);
  });
});
