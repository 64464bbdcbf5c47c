import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT, type Direction } from "../../../src/lib/script/direction.ts";
import { xwlbSample } from "./corpus.ts";

// Our engine takes OpenCC apart so that rules can join its segmentation; without rules
// it must give exactly what opencc-js gives, or the "measured facts" about it no longer hold.
describe("engine without overrides", () => {
  const sample = xwlbSample(40);
  const stockToHant = OpenCC.Converter({ from: "cn", to: "tw" });
  const stockToHans = OpenCC.Converter({ from: "tw", to: "cn" });

  it("matches opencc-js cn→tw on real news transcripts", () => {
    const ours = createConverter(TO_HANT, { builtins: false });
    for (const { name, text } of sample) expect(ours.convert(text), name).toBe(stockToHant(text));
  });

  it("matches opencc-js tw→cn on the same transcripts in Traditional", () => {
    const ours = createConverter(TO_HANS, { builtins: false });
    for (const { name, text } of sample) {
      const traditional = stockToHant(text);
      expect(ours.convert(traditional), name).toBe(stockToHans(traditional));
    }
  });

  it("matches opencc-js on compatibility ideographs, surrogate pairs and description sequences", () => {
    const tricky = "丽江（\uF9E9）𠮷野家⿰氵工作于\u2FF0木木林";
    expect(createConverter(TO_HANT, { builtins: false }).convert(tricky)).toBe(stockToHant(tricky));
    expect(createConverter(TO_HANS, { builtins: false }).convert(tricky)).toBe(stockToHans(tricky));
  });

  it("never uses the regional phrase presets: law titles keep their wording", () => {
    const toHant = createConverter(TO_HANT);
    expect(toHant.convert("数据安全法 核心 软件 网络")).toBe("數據安全法 核心 軟件 網絡");
    expect(createConverter(TO_HANS).convert("數據安全法 核心 軟件 網絡")).toBe("数据安全法 核心 软件 网络");
  });

  it("caches the default converter per direction and rejects unknown directions", () => {
    expect(createConverter(TO_HANT)).toBe(createConverter({ from: "hans", to: "hant" }));
    expect(createConverter(TO_HANT)).not.toBe(createConverter(TO_HANS));
    expect(() => createConverter({ from: "hans", to: "hans" } as unknown as Direction)).toThrow(
      /unknown conversion direction/,
    );
  });
});
