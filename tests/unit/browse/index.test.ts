import { describe, expect, it } from "vitest";
import type { ArticleMeta } from "../../../src/lib/article/schema.ts";
import { viewMeta } from "../../../src/lib/article/view.ts";
import { buildBrowseIndex, type IndexInput } from "../../../src/lib/browse/index.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const article = (fields: Record<string, unknown>, body = "正文。"): IndexInput => ({
  meta: meta({ script: "hans", ...fields }),
  body,
});

/** A small archive: reports over two years, in both scripts, and a notice some of them cite. */
const ARCHIVE: IndexInput[] = [
  article({ id: "2023-12-30-b", title: "乙", date: "2023-12-30 19:00", persons: ["习近平"], places: ["山西"] }),
  article({ id: "2023-12-30-a", title: "甲", date: "2023-12-30 19:00", persons: ["习近平"] }),
  article({ id: "2024-01-02-c", title: "丙", date: "2024-01-02", persons: ["习近平"], topics: ["乡村振兴"] }),
  article(
    { id: "2024-01-20-d", title: "丁", date: "2024-01-20", script: "hant", persons: ["樓陽生"], places: ["山西"] },
    "依據國發〔2024〕1號文件，……",
  ),
  article({ id: "2024-02-03-e", title: "戊", date: "2024-02-03", persons: ["楼阳生", "习近平"], topics: ["乡村振兴"] }),
  article({ id: "2024-02-04-f", title: "己", date: "2024-02-04", persons: ["习近平"] }, "贯彻国发〔2024〕1号精神。"),
  { meta: meta(STATE_COUNCIL_NOTICE), body: "各省、自治区、直辖市人民政府：……" },
];

const index = buildBrowseIndex(ARCHIVE, { view: viewMeta });
const ids = (list: readonly ArticleMeta[]) => list.map((m) => m.id);

describe("the browse index", () => {
  it("lists every article once, oldest first, same-time articles by id", () => {
    expect(ids(index.articles)).toEqual([
      "2023-12-30-a",
      "2023-12-30-b",
      "2024-01-02-c",
      "2024-01-05-gf0001",
      "2024-01-20-d",
      "2024-02-03-e",
      "2024-02-04-f",
    ]);
  });

  it("counts articles by year and month", () => {
    expect(index.years).toEqual([
      { year: "2023", count: 2, months: [{ month: "2023-12", count: 2 }] },
      {
        year: "2024",
        count: 5,
        months: [
          { month: "2024-01", count: 3 },
          { month: "2024-02", count: 2 },
        ],
      },
    ]);
    expect(ids(index.period("2024-02") ?? [])).toEqual(["2024-02-03-e", "2024-02-04-f"]);
  });

  it("puts one person written in two scripts on one page, named in each script's spelling", () => {
    const lou = index.group("persons", "楼阳生");
    expect(ids(lou?.articles ?? [])).toEqual(["2024-01-20-d", "2024-02-03-e"]);
    if (!lou) return;
    expect(index.label(lou, "hant")).toBe("樓陽生");
    expect(index.label(lou, "hans")).toBe("楼阳生");
  });

  it("orders a facet's groups largest first", () => {
    expect(index.groups("persons").map((g) => [g.key, g.articles.length])).toEqual([
      ["习近平", 5],
      ["楼阳生", 2],
    ]);
    expect(index.groups("issuers").map((g) => g.key)).toEqual(["国务院"]);
    expect(index.groups("statuses").map((g) => g.key)).toEqual(["in_force"]);
  });

  it("gives each article its neighbours in time", () => {
    expect(index.neighbours("2023-12-30-a")).toEqual({ next: index.get("2023-12-30-b") });
    expect(ids(Object.values(index.neighbours("2024-01-20-d")))).toEqual(["2024-01-05-gf0001", "2024-02-03-e"]);
    expect(index.neighbours("2024-02-04-f")).toEqual({ previous: index.get("2024-02-03-e") });
  });

  it("links a notice with the reports citing its number, in either script", () => {
    expect(ids(index.citedBy("2024-01-05-gf0001"))).toEqual(["2024-01-20-d", "2024-02-04-f"]);
    expect(ids(index.cites("2024-02-04-f"))).toEqual(["2024-01-05-gf0001"]);
    expect(index.cites("2024-01-02-c")).toEqual([]);
  });

  it("ranks an article sharing a rare person, place or topic above one sharing only a common person", () => {
    // 戊 shares 乡村振兴 and 习近平 with 丙, 楼阳生 with 丁; the rest share only 习近平, named almost everywhere.
    expect(ids(index.related("2024-02-03-e", 3))).toEqual(["2024-01-02-c", "2024-01-20-d", "2024-02-04-f"]);
    // 丁's related leave out the notice it cites (listed apart) and find 乙 through 山西.
    expect(ids(index.related("2024-01-20-d"))).toEqual(["2024-02-03-e", "2023-12-30-b"]);
  });

  it("converts the front matter it shows, and keeps it", () => {
    const shown = index.view(index.get("2024-01-20-d") as ArticleMeta, "hans");
    expect(shown.persons).toEqual(["楼阳生"]);
    expect(index.view(index.get("2024-01-20-d") as ArticleMeta, "hans")).toBe(shown);
  });
});
