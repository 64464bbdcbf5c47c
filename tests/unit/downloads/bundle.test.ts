import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { bundleMonth, markdownZip } from "../../../src/lib/downloads/bundle.ts";
import { EMBEDDED_SOURCE_LIMIT, embeddedSourceJson } from "../../../src/lib/downloads/embedded.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("a month's zip of Markdown files", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("holds each file as <id>.md, byte for byte, byte-order mark and line endings included", () => {
    const stored = "\uFEFF---\r\nid: 2024-01-05-gf0001\r\n---\r\n国务院通知正文。\r\n";
    const zip = markdownZip([
      { id: "2024-01-05-gf0001", bytes: bytes(stored) },
      { id: "2024-01-09-b", bytes: bytes("---\nid: 2024-01-09-b\n---\n另一篇。\n") },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["2024-01-05-gf0001.md", "2024-01-09-b.md"]);
    expect(Buffer.from(files["2024-01-05-gf0001.md"]!).toString("utf8")).toBe(stored);
  });

  it("makes the same bytes from the same files, whatever their order and the machine's time zone", () => {
    const files = [
      { id: "b", bytes: bytes("乙") },
      { id: "a", bytes: bytes("甲") },
    ];
    process.env.TZ = "America/Los_Angeles";
    const west = markdownZip(files);
    process.env.TZ = "Asia/Shanghai";
    expect(markdownZip([...files].reverse())).toEqual(west);
  });

  it("is the month of the article's day", () => {
    expect(bundleMonth("2024-01-05")).toBe("2024-01");
  });
});

describe("the Markdown file carried by its page", () => {
  it("reads back exactly, and no text in it can end its element", () => {
    const stored = '---\ntitle: "</script><script>alert(1)</script>"\n---\n正文<!-- 注 -->\r\n';
    const json = embeddedSourceJson(stored)!;
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toBe(stored);
  });

  it("is left to the month's zip when the file is longer than the limit", () => {
    // Three bytes a character in UTF-8: the limit counts bytes, not characters.
    const chars = Math.floor(EMBEDDED_SOURCE_LIMIT / 3);
    expect(embeddedSourceJson("字".repeat(chars))).toBeDefined();
    expect(embeddedSourceJson("字".repeat(chars + 1))).toBeUndefined();
  });
});
