import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectScript } from "../../../src/lib/cleanup/script.ts";
import { CORPUS, hasCorpus } from "../../helpers/corpus.ts";

const read = (relative: string) => (hasCorpus ? readFileSync(path.join(CORPUS, relative), "utf8") : "");
const taiyuan = read("raw/taiyuan-2020-03-04.txt");
const xwlb = hasCorpus ? read(`xwlb/${readdirSync(path.join(CORPUS, "xwlb")).sort()[0] ?? ""}`) : "";

describe("detectScript", () => {
  it.skipIf(!hasCorpus)(
    "finds the Taiyuan copy Traditional, with the strays of the site's conversion (關于, 并) as a small share",
    () => {
      const found = detectScript(taiyuan);
      expect(found.script).toBe("hant");
      expect(found.hantShare).toBeGreaterThan(0.95);
      expect(found.hans).toBeGreaterThan(0);
      expect(found.hansShare + found.hantShare).toBeCloseTo(1);
    },
  );

  it.skipIf(!hasCorpus)("finds an xwlb transcript Simplified", () => {
    const found = detectScript(xwlb);
    expect(found.script).toBe("hans");
    expect(found.hansShare).toBeGreaterThan(0.99);
  });

  it.skipIf(!hasCorpus)("finds text that is half one script and half the other mixed", () => {
    const half = (text: string) => text.slice(0, 1500);
    const found = detectScript(half(taiyuan) + half(xwlb.split("## 详细新闻")[1] ?? ""));
    expect(found.script).toBe("mixed");
    expect(found.hansShare).toBeGreaterThan(0.1);
    expect(found.hantShare).toBeGreaterThan(0.1);
  });

  it("does not count 著 in Simplified 著名 as Traditional", () => {
    expect(detectScript("这是著名的发展经验，国家发展改革委")).toMatchObject({ script: "hans", hant: 0 });
  });

  it("says when a text has no script-specific characters", () => {
    expect(detectScript("上下左右，人民")).toEqual({ script: "hans", hans: 0, hant: 0, hansShare: 0, hantShare: 0 });
    expect(detectScript("English only")).toMatchObject({ hans: 0, hant: 0 });
  });

  it("needs a few characters before calling a short text mixed", () => {
    expect(detectScript("國家發展與改革委員会").script).toBe("hant");
  });
});
