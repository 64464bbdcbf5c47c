import { describe, expect, it } from "vitest";
import { decodeCharacterSet, encodeCharacterSet } from "../../../src/lib/search/trigger.ts";

describe("character sets in the search manifest", () => {
  it("round-trips ideographs in and outside the common blocks", () => {
    const has = decodeCharacterSet(encodeCharacterSet(["乡", "发", "㐷", "著", "\u{20000}", "﨟"]));
    for (const text of ["乡村", "头发", "㐷", "显著", "\u{20000}", "﨟"]) expect(has(text), text).toBe(true);
    for (const text of ["村", "頭髮", "APEC 2020", "", "\u{20001}"]) expect(has(text), text).toBe(false);
  });

  it("stays small for thousands of characters", () => {
    const chars = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7));
    expect(encodeCharacterSet(chars).length).toBeLessThan(5000);
  });
});
