import { describe, expect, it } from "vitest";
import { combineResults, ENOUGH_EXACT, planQuery, runPlan } from "../../../src/lib/search/plan.ts";

const hits = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((hit) => hit.id);

describe("planning a Chinese query", () => {
  it("adds an exact-phrase search and character pairs for one word of three characters or more", () => {
    expect(planQuery("二里头")).toEqual({ exact: '"二里头"', words: "二里头", pairs: "二里 里头", quoted: false });
  });

  it("adds only the exact phrase for two characters, and pairs only the Chinese runs", () => {
    expect(planQuery("皮影")).toEqual({ exact: '"皮影"', words: "皮影", quoted: false });
    expect(planQuery("APEC会议")).toEqual({ exact: '"APEC会议"', words: "APEC会议", quoted: false });
    expect(planQuery("G20峰会召开")).toMatchObject({ pairs: "G20 峰会 会召 召开" });
  });

  it("searches several words as words, with pairs of the long ones", () => {
    expect(planQuery("乡村振兴 浙江")).toEqual({ words: "乡村振兴 浙江", pairs: "乡村 村振 振兴 浙江", quoted: false });
    expect(planQuery("APEC 2020")).toEqual({ words: "APEC 2020", quoted: false });
  });

  it("keeps a quoted phrase as the exact search", () => {
    expect(planQuery('"下好一盘棋"')).toEqual({
      exact: '"下好一盘棋"',
      words: "下好一盘棋",
      pairs: "下好 好一 一盘 盘棋",
      quoted: true,
    });
  });
});

describe("combining the searches", () => {
  const plan = planQuery("王亚平");
  const results = { exact: hits("e1", "e2"), words: hits("w1", "p1", "e1", "w2"), pairs: hits("p2", "p1") };

  it("ranks exact matches first, then pages with every pair, then pair matches, then the rest", () => {
    expect(ids(combineResults(plan, results, false).hits)).toEqual(["e1", "e2", "p1", "p2", "w1", "w2"]);
  });

  it("orders exact matches as the words search ranks them, since Pagefind scores exact matches alike", () => {
    const ranked = combineResults(plan, { exact: hits("e3", "e1", "e2"), words: hits("e2", "w1", "e1") }, false);
    expect(ids(ranked.hits)).toEqual(["e2", "e1", "e3", "w1"]);
    const byDate = combineResults(plan, { exact: hits("e3", "e1", "e2"), words: hits("e2", "w1", "e1") }, true);
    expect(ids(byDate.hits)).toEqual(["e3", "e1", "e2"]);
  });

  it("lists only the best tier that has pages when sorting by date", () => {
    expect(ids(combineResults(plan, results, true).hits)).toEqual(["e1", "e2"]);
    expect(ids(combineResults(plan, { ...results, exact: [] }, true).hits)).toEqual(["p1"]);
  });

  it("shows a quoted phrase exactly, or says the matches are looser when it is not found", () => {
    const quoted = planQuery('"下好一盘棋"');
    expect(combineResults(quoted, results, false)).toEqual({ hits: hits("e1", "e2"), loose: false });
    const loose = combineResults(quoted, { words: hits("w1"), pairs: hits("w1", "p2"), exact: [] }, false);
    expect(loose).toEqual({ hits: hits("w1", "p2"), loose: true });
  });
});

describe("running the searches", () => {
  /** A stand-in index: the pages each search term finds, and a log of the searches run. */
  const index = (found: Record<string, string[]>) => {
    const ran: string[] = [];
    const search = async (term: string) => {
      ran.push(term);
      return hits(...(found[term] ?? []));
    };
    return { ran, search };
  };

  it("runs the exact, word and pair searches one after another", async () => {
    const { ran, search } = index({ '"二里头"': [], 二里头: ["w1"], "二里 里头": ["p1", "w1"] });
    const combined = await runPlan(planQuery("二里头"), search, false);
    expect(ran).toEqual(['"二里头"', "二里头", "二里 里头"]);
    expect(ids(combined.hits)).toEqual(["w1", "p1"]);
  });

  it("skips the pairs when the exact phrase fills the first page", async () => {
    const many = Array.from({ length: ENOUGH_EXACT }, (_, i) => `e${i}`);
    const { ran, search } = index({ '"乡村振兴"': many, 乡村振兴: ["w1"] });
    const combined = await runPlan(planQuery("乡村振兴"), search, false);
    expect(ran).toEqual(['"乡村振兴"', "乡村振兴"]);
    expect(combined.hits).toHaveLength(ENOUGH_EXACT + 1);
  });

  it("shows only the exact matches of a quoted phrase that is found, without the pairs", async () => {
    const { ran, search } = index({ '"空谈误国"': ["e1"], 空谈误国: ["w1", "e1"] });
    expect(ids((await runPlan(planQuery('"空谈误国"'), search, false)).hits)).toEqual(["e1"]);
    expect(ran).toEqual(['"空谈误国"', "空谈误国"]);
  });
});
