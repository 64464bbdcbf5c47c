import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readXwlbItems, XWLB_DIR } from "../../../bench/fixtures.ts";
import { judgedSource, judgedText } from "../../../bench/judged/item-text.ts";
import {
  JUDGED_FILES,
  judgedProblems,
  readJudged,
  sourceDay,
  type JudgedItem,
} from "../../../bench/judged/validate.ts";

const dev = readJudged(JUDGED_FILES.dev);
const test = readJudged(JUDGED_FILES.test);

const item = (source: string, text: string, names: Partial<JudgedItem> = {}): JudgedItem => ({
  source,
  text,
  persons: [],
  places: [],
  organizations: [],
  ...names,
});

describe("the judged entity sets", () => {
  it("hold 100 held-out test items and 40 tuning items, with no problem the validator finds", () => {
    expect(test).toHaveLength(100);
    expect(dev).toHaveLength(80);
    expect(judgedProblems(dev, test)).toEqual([]);
  });

  it("draw each set from 2022, 2023 and 2024", () => {
    for (const set of [dev, test]) {
      const years = new Set(set.map((judged) => sourceDay(judged.source)?.slice(0, 4)));
      expect([...years].sort()).toEqual(["2022", "2023", "2024"]);
    }
  });

  it("name people, places and organisations in most items", () => {
    for (const set of [dev, test]) {
      const count = (type: "persons" | "places" | "organizations") => set.filter((j) => j[type].length > 0).length;
      expect(count("persons")).toBeGreaterThan(set.length / 2);
      expect(count("places")).toBeGreaterThan(set.length / 2);
      expect(count("organizations")).toBe(set.length);
    }
  });
});

describe("the judged-set validator", () => {
  const text = "国务院总理李强在北京会见国际奥委会主席巴赫。";

  it("accepts a well-formed item", () => {
    const good = item("xwlb/20230506.md#3", text, {
      persons: ["李强", "巴赫"],
      places: ["北京"],
      organizations: ["国务院", "国际奥委会"],
    });
    expect(judgedProblems([], [good])).toEqual([]);
  });

  it("reports a name missing from the text, a name listed twice and a name under two types", () => {
    const bad = item("xwlb/20230506.md#3", text, {
      persons: ["李强", "李强", "王毅"],
      places: ["北京"],
      organizations: ["北京"],
    });
    const problems = judgedProblems([], [bad]);
    expect(problems.some((p) => p.includes("王毅 is not in the text"))).toBe(true);
    expect(problems.some((p) => p.includes("lists 李强 twice"))).toBe(true);
    expect(problems.some((p) => p.includes("北京 is listed as places and organizations"))).toBe(true);
  });

  it("reports a repeated or malformed source and a day shared by dev and test", () => {
    const a = item("xwlb/20230506.md#3", text);
    const problems = judgedProblems([item("xwlb/20230506.md#7", text)], [a, a, item("20230506#3", text)]);
    expect(problems.some((p) => p.includes("source listed twice"))).toBe(true);
    expect(problems.some((p) => p.includes("source is not xwlb/YYYYMMDD.md#n"))).toBe(true);
    expect(problems.some((p) => p.includes("also in the test set"))).toBe(true);
  });
});

describe.skipIf(!existsSync(XWLB_DIR))(
  "the judged texts, compared with the shared xwlb corpus (skipped when it is absent)",
  () => {
    it("are the corpus items at their sources, cut at a sentence end when long", () => {
      const wanted = new Set([...dev, ...test].map((judged) => judged.source));
      const corpus = new Map<string, string>();
      for (const source of readXwlbItems()) {
        const key = judgedSource(source);
        if (wanted.has(key)) corpus.set(key, judgedText(source));
      }
      for (const judged of [...dev, ...test]) expect(judged.text, judged.source).toBe(corpus.get(judged.source));
    });
  },
);
