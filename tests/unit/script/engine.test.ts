import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT, type Direction } from "../../../src/lib/script/direction.ts";
import type * as EngineModule from "../../../src/lib/script/engine.ts";
import { xwlbSample } from "./corpus.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

// Our engine takes OpenCC apart so that rules can join its segmentation; Traditional→Simplified
// without rules gives exactly what opencc-js gives, Simplified→Traditional reads words first.
describe("engine without overrides", () => {
  const sample = hasCorpus ? xwlbSample(40) : [];
  const stockToHant = OpenCC.Converter({ from: "cn", to: "tw" });
  const stockToHans = OpenCC.Converter({ from: "tw", to: "cn" });

  it.skipIf(!hasCorpus)("differs from opencc-js cn→tw on real news only where words decide, never in length", () => {
    // Simplified→Traditional segments into words first (segmenter.ts), so it departs from
    // OpenCC's longest match by design, but only for a few characters in a thousand.
    const ours = createConverter(TO_HANT, { builtins: false });
    let characters = 0;
    let differ = 0;
    for (const { name, text } of sample) {
      const a = Array.from(ours.convert(text));
      const b = Array.from(stockToHant(text));
      expect(a.length, name).toBe(b.length);
      characters += a.length;
      differ += a.filter((char, i) => char !== b[i]).length;
    }
    expect(differ).toBeGreaterThan(0);
    expect(differ / characters).toBeLessThan(0.002);
  });

  it("reads no OpenCC phrase across two words", () => {
    const ours = createConverter(TO_HANT, { builtins: false });
    expect(ours.convert("坚持一个中国原则")).toBe("堅持一個中國原則");
    expect(ours.convert("秘书长发言人")).toBe("秘書長發言人");
    expect(ours.convert("维护发展中国家利益")).toBe("維護發展中國家利益");
    expect(ours.convert("结束发言，办理发行登记")).toBe("結束發言，辦理發行登記");
    expect(stockToHant("秘书长发言人")).toBe("秘書長髮言人");
  });

  it.skipIf(!hasCorpus)("matches opencc-js tw→cn on the same transcripts in Traditional", () => {
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

describe("one engine a process", () => {
  it("gives the search stage the engine that another copy of the module (the pages') has built", async () => {
    // Two copies, as two bundles of one process load it (a query makes another module to Vite).
    const copy = (name: string) =>
      import(/* @vite-ignore */ `../../../src/lib/script/engine.ts?${name}`) as Promise<typeof EngineModule>;
    const [pages, search] = [await copy("pages"), await copy("search")];
    const built = pages.getEngine(TO_HANS);
    expect(search.lastEngineBuilt(TO_HANS)).toBe(built);
    // A copy loaded again (an edit in the dev server) still builds its own for itself.
    expect(search.getEngine(TO_HANS)).not.toBe(built);
  });
});
