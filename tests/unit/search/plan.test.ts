import { describe, expect, it } from "vitest";
import {
  combineResults,
  ENOUGH_EXACT,
  planQuery,
  runPlan,
  runPlanShardByShard,
  settledByDate,
} from "../../../src/lib/search/plan.ts";

const hits = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((hit) => hit.id);

describe("planning a Chinese query", () => {
  it("adds an exact-phrase search and character pairs for one word of three characters or more", () => {
    expect(planQuery("二里头")).toEqual({ exact: ['"二里头"'], words: "二里头", pairs: "二里 里头", quoted: false });
  });

  it("adds only the exact phrase for two characters, and pairs only the Chinese runs", () => {
    expect(planQuery("皮影")).toEqual({ exact: ['"皮影"'], words: "皮影", quoted: false });
    expect(planQuery("APEC会议")).toEqual({ exact: ['"APEC会议"'], words: "APEC会议", quoted: false });
    expect(planQuery("G20峰会召开")).toMatchObject({ pairs: "G20 峰会 会召 召开" });
  });

  it("searches several words as words, each as a phrase, with pairs of the long ones", () => {
    expect(planQuery("乡村振兴 浙江")).toEqual({
      exact: ['"乡村振兴"', '"浙江"'],
      words: "乡村振兴 浙江",
      pairs: "乡村 村振 振兴 浙江",
      quoted: false,
    });
    expect(planQuery("APEC 2020")).toEqual({ words: "APEC 2020", quoted: false });
  });

  it("keeps a quoted phrase as the exact search", () => {
    expect(planQuery('"下好一盘棋"')).toEqual({
      exact: ['"下好一盘棋"'],
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

  it("ranks first the pages with every word of a query of several words as typed, in the words search's order", async () => {
    const { ran, search } = index({
      '"萨马尔"': ["both", "one", "other"],
      '"棉兰老岛"': ["other", "both"],
      "萨马尔 棉兰老岛": ["pieces", "other", "both"],
      "萨马 马尔 棉兰 兰老 老岛": ["pieces"],
    });
    const combined = await runPlan(planQuery("萨马尔 棉兰老岛"), search, false);
    expect(ids(combined.hits)).toEqual(["other", "both", "pieces"]);
    expect(ran).toEqual(['"萨马尔"', '"棉兰老岛"', "萨马尔 棉兰老岛", "萨马 马尔 棉兰 兰老 老岛"]);
  });

  it("stops searching the phrases of a query of several words once one is missing", async () => {
    const { ran, search } = index({ '"长江"': [], "长江 黄河": ["w1"] });
    expect(ids((await runPlan(planQuery("长江 黄河"), search, false)).hits)).toEqual(["w1"]);
    expect(ran).toEqual(['"长江"', "长江 黄河"]);
  });

  it("shows only the exact matches of a quoted phrase that is found, without the pairs", async () => {
    const { ran, search } = index({ '"空谈误国"': ["e1"], 空谈误国: ["w1", "e1"] });
    expect(ids((await runPlan(planQuery('"空谈误国"'), search, false)).hits)).toEqual(["e1"]);
    expect(ran).toEqual(['"空谈误国"', "空谈误国"]);
  });
});

describe("searching the newest shards first, by date", () => {
  /**
   * A stand-in sharded index, newest shard first: the pages each search term finds in each
   * shard, already in date order. Searching the newest `k` shards lists the newest shard's
   * pages first, as Pagefind's merged search does with the date weights.
   */
  const sharded = (shards: Record<string, string[]>[]) => {
    const searched: number[] = [];
    const search = async (term: string, k: number) => {
      searched.push(k);
      return hits(...shards.slice(0, k).flatMap((shard) => shard[term] ?? []));
    };
    return { searched, search, total: shards.length };
  };
  const page = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const everyShard = async (index: ReturnType<typeof sharded>, query: string) =>
    ids((await runPlan(planQuery(query), (term) => index.search(term, index.total), true)).hits);

  it("searches only the newest shard when it fills the first page, with the first page of every shard", async () => {
    const index = sharded([
      { '"乡村振兴"': page("new", 12) },
      { '"乡村振兴"': page("mid", 30) },
      { '"乡村振兴"': page("old", 30) },
    ]);
    const first = await runPlanShardByShard(planQuery("乡村振兴"), index.search, { start: 1, total: 3 }, 10);
    expect(index.searched.every((k) => k === 1)).toBe(true);
    expect(first.complete).toBe(false);
    expect(ids(first.hits).slice(0, 10)).toEqual((await everyShard(index, "乡村振兴")).slice(0, 10));
  });

  it("adds older shards one at a time until the page is full", async () => {
    const index = sharded([{ '"冬奥"': page("new", 3) }, { '"冬奥"': page("mid", 4) }, { '"冬奥"': page("old", 9) }]);
    const first = await runPlanShardByShard(planQuery("冬奥"), index.search, { start: 1, total: 3 }, 10);
    expect(first.shards).toBe(3);
    expect(first.complete).toBe(true);
    expect(ids(first.hits)).toEqual(await everyShard(index, "冬奥"));
    expect(ids(first.hits).slice(0, 7)).toEqual([...page("new", 3), ...page("mid", 4)]);
  });

  it("keeps searching older shards while the newest have only looser matches than an older one may have", async () => {
    // The newest shard has the words but not the phrase; the full search lists only the older exact match.
    const index = sharded([{ 王亚平: page("w", 20), "王亚 亚平": page("w", 20) }, {}, { '"王亚平"': ["exact"] }]);
    const first = await runPlanShardByShard(planQuery("王亚平"), index.search, { start: 1, total: 3 }, 10);
    expect(ids(first.hits)).toEqual(["exact"]);
    expect(ids(first.hits)).toEqual(await everyShard(index, "王亚平"));
  });

  it("runs only the exact search in the newest shards until the phrase is found, loading nothing looser in vain", async () => {
    const ran: string[] = [];
    const index = sharded([{ 王亚平: page("w", 20) }, { 王亚平: page("v", 5) }, { '"王亚平"': ["exact"] }]);
    const search = async (term: string, k: number) => {
      ran.push(`${term}@${k}`);
      return index.search(term, k);
    };
    await runPlanShardByShard(planQuery("王亚平"), search, { start: 1, total: 3 }, 10);
    expect(ran).toEqual(['"王亚平"@1', '"王亚平"@2', '"王亚平"@3']);
  });

  it("searches every shard for a phrase found nowhere, then shows the looser matches of all of them", async () => {
    const index = sharded([{ 王亚平: page("new", 20) }, { 王亚平: page("old", 5) }]);
    const first = await runPlanShardByShard(planQuery('"王亚平"'), index.search, { start: 1, total: 2 }, 10);
    expect(first).toMatchObject({ shards: 2, complete: true, loose: true });
    expect(ids(first.hits)).toEqual(await everyShard(index, '"王亚平"'));
  });

  it("starts from the shards already searched, and searches no further than asked", async () => {
    const words = "长江 黄河";
    const shard = (prefix: string) => ({
      '"长江"': page(prefix, 4),
      '"黄河"': page(prefix, 4),
      [words]: page(prefix, 4),
    });
    const index = sharded([shard("new"), shard("mid"), shard("old")]);
    const more = await runPlanShardByShard(planQuery(words), index.search, { start: 2, total: 3 }, 8);
    expect(index.searched.every((k) => k === 2)).toBe(true);
    expect(ids(more.hits)).toEqual([...page("new", 4), ...page("mid", 4)]);
  });

  it("counts results as settled only in the best tier the plan can have", () => {
    const wordsPlan = planQuery("乡村振兴 浙江");
    expect(settledByDate(wordsPlan, { exact: [], words: hits("a", "b"), pairs: hits("b") })).toBe(0);
    expect(settledByDate(wordsPlan, { exact: hits("b"), words: hits("a", "b"), pairs: hits("b") })).toBe(1);
    expect(settledByDate(planQuery("APEC 2020"), { words: hits("a", "b") })).toBe(2);
    expect(settledByDate(planQuery("冬奥"), { exact: [], words: hits("a") })).toBe(0);
    expect(settledByDate(planQuery("冬奥"), { exact: hits("e"), words: [] })).toBe(1);
    expect(settledByDate(planQuery("冬奥"), { exact: [], words: [] })).toBe(0);
  });

  it("skips the word and pair searches by date once the exact phrase is found", async () => {
    const ran: string[] = [];
    const search = async (term: string) => {
      ran.push(term);
      return term === '"二里头"' ? hits("e1") : hits("w1");
    };
    expect(ids((await runPlan(planQuery("二里头"), search, true)).hits)).toEqual(["e1"]);
    expect(ran).toEqual(['"二里头"']);
  });
});
