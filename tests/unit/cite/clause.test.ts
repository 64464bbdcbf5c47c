import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import { viewMeta } from "../../../src/lib/article/view.ts";
import { chicago } from "../../../src/lib/cite/chicago.ts";
import { citeAt, clauseLocator } from "../../../src/lib/cite/clause.ts";
import { cslItem } from "../../../src/lib/cite/csl.ts";
import { gbt7714 } from "../../../src/lib/cite/gbt7714.ts";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { clauses } from "../../../src/lib/markdown/structure.ts";
import { parseBody } from "../../../src/lib/markdown/render.ts";
import { lawFiles, readLaw } from "../../helpers/laws.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const NOTICE_URL = "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/";
const notice = (script: "hans" | "hant") =>
  citationItem(viewMeta(meta(STATE_COUNCIL_NOTICE), script), { url: NOTICE_URL, script, accessed: "2026-12-01" });

describe("the place an anchor marks, as a citation names it", () => {
  it("names clauses, inserted clauses, items and divisions as Chinese legal writing cites them", () => {
    const label = (anchor: string) => clauseLocator(anchor, "hans")?.label;
    expect(label("art-12")).toBe("第十二条");
    expect(label("art-110")).toBe("第一百一十条");
    expect(label("art-1260")).toBe("第一千二百六十条");
    expect(label("art-287-1")).toBe("第二百八十七条之一");
    expect(label("art-12-item-3")).toBe("第十二条第三项");
    expect(label("art-12-item-3-2")).toBe("第十二条第三项第二目");
    expect(label("ch-1-sec-2")).toBe("第一章第二节");
    expect(label("pt-2-sub-1-ch-3")).toBe("第二编第一分编第三章");
  });

  it("writes the label in Traditional characters on a Traditional page, the anchor unchanged", () => {
    expect(clauseLocator("art-12", "hant")).toMatchObject({ anchor: "art-12", label: "第十二條" });
    expect(clauseLocator("art-12-item-3", "hant")?.label).toBe("第十二條第三項");
    expect(clauseLocator("ch-4-sec-5", "hant")?.label).toBe("第四章第五節");
    expect(clauseLocator("pt-1-sub-2", "hant")?.label).toBe("第一編第二分編");
  });

  it("gives English-language writing art. and chap. with Arabic numbers", () => {
    expect(clauseLocator("art-287-1", "hans")?.english).toBe("art. 287-1");
    expect(clauseLocator("art-12-item-3", "hans")?.english).toBe("art. 12(3)");
    expect(clauseLocator("ch-1-sec-2", "hans")?.english).toBe("chap. 1, sec. 2");
  });

  it("names nothing for paragraph numbers, notice items and ids of no unit", () => {
    for (const anchor of ["p-3", "item-2-1", "item-2", "art-0", "art-12-x", "cite-heading", ""]) {
      expect(clauseLocator(anchor, "hans"), anchor).toBeUndefined();
    }
  });

  it.skipIf(!hasCorpus)("names every clause of laws from the corpus as its own text labels it", async () => {
    const files = (await lawFiles()).filter((_, i) => i % 25 === 0);
    let checked = 0;
    for (const file of files) {
      for (const { id, label } of clauses(parseBody(readLaw(file).body))) {
        // Labels in Chinese numerals; a few files number clauses in Arabic digits.
        if (id === "" || !/^第[一二三四五六七八九十百千零]+条(?:之[一二三四五六七八九十]+)?$/.test(label)) continue;
        expect(clauseLocator(id, "hans")?.label, `${file} ${id}`).toBe(label);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("citing one clause", () => {
  it("puts the clause where GB/T 7714 puts the cited pages, and links to it", () => {
    const cited = citeAt(notice("hans"), clauseLocator("art-12", "hans")!);
    expect(gbt7714(cited)).toBe(
      "国务院. 国务院关于进一步优化营商环境的通知: 国发〔2024〕1号[A/OL]. (2024-01-05): 第十二条[2026-12-01]. " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/#art-12.",
    );
  });

  it("gives the clause after the date in Chicago, and the same anchor in both scripts", () => {
    const cited = citeAt(notice("hant"), clauseLocator("art-12", "hant")!);
    expect(chicago(cited)).toBe(
      "國務院. “國務院關於進一步優化營商環境的通知.” 國發〔2024〕1號, January 5, 2024, art. 12. " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/#art-12.",
    );
    expect(gbt7714(cited)).toContain(
      "(2024-01-05): 第十二條[2026-12-01]. https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/#art-12.",
    );
  });

  it("leaves the whole-document citation as it was without a clause", () => {
    expect(gbt7714(notice("hans"))).toContain(
      "(2024-01-05)[2026-12-01]. https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/.",
    );
  });

  it("gives a CSL locator that citeproc prints as the article cited", () => {
    const item = cslItem(notice("hans"));
    const { csl } = clauseLocator("art-12", "hans")!;
    expect(csl).toEqual({ label: "article-locator", locator: "12" });
    const printed = new Cite([item]).format("citation", { template: "apa", entry: [{ id: item.id, ...csl }] });
    expect(printed).toContain("Article 12");
  });
});
