import { describe, expect, it } from "vitest";
import { dateSortWeight, planShards, shardSizes } from "../../../src/lib/search/shards.ts";

const page = (day: string, lang = "zh-hans") => ({
  url: `/${lang}/articles/${day}/`,
  sortValue: `${day}T00:00:00.000Z`,
  day,
});

describe("index shards", () => {
  it("keeps an archive within capacity in one shard", () => {
    const shards = planShards([page("2023-01-02"), page("2022-05-01")], 10);
    expect(shards.map((shard) => shard.name)).toEqual(["0"]);
  });

  it("cuts pages in date order into shards of at most the capacity", () => {
    const days = ["2021-03-01", "2020-01-01", "2024-12-31", "2022-07-07", "2023-02-02"];
    const shards = planShards(
      days.map((day) => page(day)),
      2,
    );
    expect(shards.map((shard) => shard.pages.map((p) => p.sortValue.slice(0, 10)))).toEqual([
      ["2020-01-01", "2021-03-01"],
      ["2022-07-07", "2023-02-02"],
      ["2024-12-31"],
    ]);
  });

  it("cuts what follows the full shards into halving tiers, the newest shard smallest", () => {
    // 59 pages, capacity 16: three full shards; the 11 left are 8 + 2 + 1 (tiers of 8, 4, 2), none of 4.
    expect(shardSizes(59, 16)).toEqual([16, 16, 16, 8, 2, 1]);
    expect(shardSizes(16, 16)).toEqual([16]);
    expect(shardSizes(17, 16)).toEqual([16, 1]);
    // An archive smaller than a shard stays one index, whatever the tiers.
    expect(shardSizes(15, 16)).toEqual([15]);
    expect(shardSizes(1, 16)).toEqual([1]);
    expect(shardSizes(0, 16)).toEqual([]);
    const days = Array.from({ length: 23 }, (_, i) => `2020-03-${String(i + 1).padStart(2, "0")}`);
    const shards = planShards(
      days.map((day) => page(day)),
      16,
    );
    expect(shards.map((shard) => [shard.name, shard.pages.length])).toEqual([
      ["0", 16],
      ["1", 4],
      ["2", 2],
      ["3", 1],
    ]);
    expect(shards.flatMap((shard) => shard.pages.map((p) => p.day))).toEqual(days);
  });

  it("indexes few pages again, on average, as an archive grows one article at a time", () => {
    // Shards are reused by content: a shard is indexed again when no shard of the last build
    // had exactly its pages. Growing from one full shard to six, two pages (one article in
    // both scripts) at a time, a build indexes on average a small fraction of a shard.
    const capacity = 64;
    const keyOf = (pages: { url: string }[]) => pages.map((p) => p.url).join(" ");
    const all = Array.from({ length: 6 * capacity }, (_, i) => page(`2020-01-01T${String(i).padStart(5, "0")}`));
    let before = new Set<string>();
    let indexed = 0;
    let builds = 0;
    for (let count = capacity; count <= all.length; count += 2) {
      const shards = planShards(all.slice(0, count), capacity);
      for (const shard of shards) {
        expect(shard.pages.length).toBeLessThanOrEqual(capacity);
        if (!before.has(keyOf(shard.pages))) indexed += shard.pages.length;
      }
      expect(shards.length).toBeLessThanOrEqual(Math.floor(count / capacity) + 4);
      before = new Set(shards.map((shard) => keyOf(shard.pages)));
      builds++;
    }
    // Cutting into full shards only would index half a shard a build on average.
    expect(indexed / builds).toBeLessThan(capacity / 4);
  });

  it("in a site built in parts, cuts no shard across a part and names each by its part", () => {
    const days = ["2019-05-01", "2021-12-31", "2022-01-01", "2022-02-02", "2022-03-03", "2023-04-04", "2026-01-01"];
    const shards = planShards(
      days.map((day) => page(day)),
      2,
      3,
    );
    expect(shards.map((shard) => [shard.name, shard.pages.map((p) => p.day)])).toEqual([
      ["2019-2021-0", ["2019-05-01", "2021-12-31"]],
      ["2022-2024-0", ["2022-01-01", "2022-02-02"]],
      ["2022-2024-1", ["2022-03-03", "2023-04-04"]],
      ["2025-2027-0", ["2026-01-01"]],
    ]);
    // A part indexing only its own pages cuts and names them as the whole site's build does.
    const part = planShards(
      days.slice(2, 6).map((day) => page(day)),
      2,
      3,
    );
    expect(part).toEqual(shards.slice(1, 3));
  });

  it("refuses a capacity that is not a positive whole number", () => {
    expect(() => planShards([], 0)).toThrow(/positive whole number/);
  });

  it("weights shards so a merged date sort is in date order, both ways", () => {
    // Simulate Pagefind: positions from 1 within each shard's date order (the anchor holds 0),
    // desc scores position × weight, asc scores −position × weight, merged by score, highest first.
    const capacity = 4;
    const days = Array.from({ length: 11 }, (_, i) => `2020-01-${String(i + 10)}`);
    const shards = planShards(
      days.map((day) => page(day)),
      capacity,
    );
    const hits = shards.flatMap((shard, rank) =>
      shard.pages.map((p, index) => ({
        day: p.sortValue,
        position: index + 1,
        weight: dateSortWeight(rank, capacity + 1),
      })),
    );
    const merged = (score: (hit: (typeof hits)[number]) => number) =>
      [...hits].sort((a, b) => score(b) - score(a)).map((hit) => hit.day);
    const desc = merged((hit) => hit.position * hit.weight);
    const asc = merged((hit) => -hit.position * hit.weight);
    expect(desc).toEqual([...days].map((day) => `${day}T00:00:00.000Z`).reverse());
    expect(asc).toEqual(days.map((day) => `${day}T00:00:00.000Z`));
  });
});
