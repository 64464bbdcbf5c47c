import { describe, expect, it } from "vitest";
import { landingFor, type PageAnchor, type PageHit } from "../../../src/lib/search/landing.ts";

// The elements with an id of a law's page as Pagefind records them (element, id, text, word position).
const LAW: PageAnchor[] = [
  { element: "h2", id: "ch-1", text: "第一章 总则", location: 3 },
  { element: "p", id: "art-1", text: "第一条 为了规范管理，制定本法。", location: 6 },
  { element: "p", id: "art-2", text: "第二条 本法适用于海洋渔业资源保护。", location: 15 },
  { element: "h2", id: "ch-2", text: "第二章 管理", location: 25 },
  { element: "p", id: "p-9", text: "国务院渔业行政主管部门负责全国渔业工作。", location: 28 },
  { element: "p", id: "art-2-1", text: "第二条之一 渔业资源的保护……", location: 40 },
];

/** Hits at these word positions, each scored 1 unless given as [position, score]. */
function hits(...at: (number | [number, number])[]): PageHit[] {
  return at.map((hit) =>
    typeof hit === "number" ? { location: hit, balanced_score: 1 } : { location: hit[0], balanced_score: hit[1] },
  );
}

describe("where a hit inside a document leads", () => {
  it("leads to the clause that holds the first hit, with its label as written", () => {
    expect(landingFor(LAW, hits(19, 30), false)).toEqual({ id: "art-2", label: "第二条" });
  });

  it("leads to the clause that holds most of the hits, not to the title that holds one of the words", () => {
    expect(landingFor(LAW, hits(1, 16, 18, 20), false)).toEqual({ id: "art-2", label: "第二条" });
  });

  it("leads to the clause with the rare words searched for, not to those with a word common to the whole law", () => {
    // 行政复议 in the title and in many clauses, 中止 once, in the second clause.
    expect(landingFor(LAW, hits(1, 7, 9, [16, 4.2], 30, 41), false)).toEqual({ id: "art-2", label: "第二条" });
  });

  it("leads to the chapter when the hit is in a paragraph after a chapter heading and before any clause of it", () => {
    expect(landingFor(LAW, hits(30), false)).toEqual({ id: "ch-2", label: "第二章" });
  });

  it("leads to a clause inserted by an amendment", () => {
    expect(landingFor(LAW, hits(41), false)).toEqual({ id: "art-2-1", label: "第二条之一" });
  });

  it("leads nowhere in particular when the hit is in the headline, before every unit", () => {
    expect(landingFor(LAW, hits(1, 19), false)).toBeUndefined();
  });

  it("leads nowhere in particular on a page without clauses (a news report)", () => {
    const news: PageAnchor[] = [
      { element: "p", id: "p-1", text: "3月4日上午，省委召开会议。", location: 2 },
      { element: "p", id: "p-2", text: "会议强调……", location: 12 },
    ];
    expect(landingFor(news, hits(14), false)).toBeUndefined();
  });

  it("names a clause in the page's script when Pagefind kept no text for it", () => {
    const bare = [{ element: "p", id: "art-12", location: 4 }];
    expect(landingFor(bare, hits(6), true)).toEqual({ id: "art-12", label: "第十二條" });
    expect(landingFor(bare, hits(6), false)).toEqual({ id: "art-12", label: "第十二条" });
  });

  it("reads a Traditional label as the page writes it", () => {
    const hant = [{ element: "p", id: "art-3", text: "第三條 本法用詞，定義如下：", location: 5 }];
    expect(landingFor(hant, hits(8), true)).toEqual({ id: "art-3", label: "第三條" });
  });

  it("leads nowhere in particular when there is no hit position", () => {
    expect(landingFor(LAW, hits(), false)).toBeUndefined();
  });
});
