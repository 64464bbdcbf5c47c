import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { outline, unitText } from "../../../src/lib/markdown/structure.ts";
import { parseBody, renderMarkdown } from "../../../src/lib/markdown/render.ts";
import { convertTree, createConverter, directionFrom } from "../../../src/lib/script/index.ts";
import { lawFiles, readLaw } from "../../helpers/laws.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const REVIEW_LAW = "诉讼与非诉讼程序法/行政复议法(2023-09-01).md";

function elements(tree: Root): Element[] {
  return tree.children.filter((node): node is Element => node.type === "element");
}

function byId(tree: Root, id: string): Element | undefined {
  return elements(tree).find((node) => node.properties["id"] === id);
}

function ids(tree: Root): string[] {
  return elements(tree).flatMap((node) => (typeof node.properties["id"] === "string" ? [node.properties["id"]] : []));
}

describe("anchors for the chapters and clauses of a law", () => {
  it.skipIf(!hasCorpus)(
    "anchors chapters, sections and clauses of the Administrative Reconsideration Law by their numbers",
    () => {
      const tree = parseBody(readLaw(REVIEW_LAW).body);
      expect(unitText(byId(tree, "ch-1")!)).toMatch(/^第一章\s+总\s*则$/);
      expect(unitText(byId(tree, "ch-2-sec-1")!)).toContain("行政复议范围");
      expect(unitText(byId(tree, "ch-4-sec-5")!)).toContain("行政复议附带审查");
      expect(unitText(byId(tree, "art-1")!)).toMatch(/^[\s\u200b]*第一条 为了防止和纠正违法的或者不当的行政行为/);
      expect(unitText(byId(tree, "art-90")!)).toMatch(/^第九十条/);
      // The clause's second paragraph (款) is not a clause of its own.
      const second = elements(tree)[elements(tree).indexOf(byId(tree, "art-2")!) + 1]!;
      expect(unitText(second)).toMatch(/^前款所称行政行为/);
      expect(second.properties["id"]).toMatch(/^p-\d+$/);
      // The items （一）（二） of 第十一条 are anchored within it.
      expect(unitText(byId(tree, "art-11-item-1")!)).toMatch(/^（一）/);
    },
  );

  it.skipIf(!hasCorpus)("gives each anchor a visible § link to itself", () => {
    const html = renderMarkdown(readLaw(REVIEW_LAW).body);
    expect(html).toContain('<h2 id="ch-1">');
    expect(html).toMatch(
      /<p id="art-12">第十二条 [^<]*<a class="anchor" href="#art-12" data-pagefind-ignore="">§<\/a><\/p>/,
    );
  });

  it.skipIf(!hasCorpus)("reads three-digit clause numbers with 零: 第一百零三条 of the Civil Procedure Law", () => {
    const tree = parseBody(readLaw("诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md").body);
    expect(unitText(byId(tree, "art-103")!)).toMatch(/^第一百零三条/);
    expect(unitText(byId(tree, "art-110")!)).toMatch(/^第一百一十条/);
  });

  it.skipIf(!hasCorpus)("numbers clauses in order through every document of the corpus, with no id twice", async () => {
    const files = await lawFiles();
    expect(files.length).toBe(1555);
    let clauses = 0;
    for (const file of files) {
      const found = ids(parseBody(readLaw(file).body));
      expect(new Set(found).size, file).toBe(found.length);
      const numbers = found.filter((id) => /^art-\d+$/.test(id)).map((id) => Number(id.slice(4)));
      clauses += numbers.length;
      expect(
        numbers.every((n, i) => i === 0 || n > numbers[i - 1]!),
        file,
      ).toBe(true);
    }
    expect(clauses).toBeGreaterThan(60_000);
  });

  it.skipIf(!hasCorpus)("keeps the same anchors in the Traditional view", () => {
    const tree = parseBody(readLaw(REVIEW_LAW).body);
    const before = ids(tree);
    convertTree(tree, createConverter(directionFrom("hans")));
    expect(ids(tree)).toEqual(before);
    expect(unitText(byId(tree, "ch-2-sec-1")!)).toContain("行政複議範圍");
  });

  it("anchors the 一、（一）1. numbering of a notice, and not numbers that are not labels", () => {
    const tree = parseBody(
      [
        "## 一、总体要求",
        "（一）指导思想。坚持稳中求进。",
        "（二）基本原则。",
        "1．坚持统筹兼顾。",
        "1.5亿元用于补助。",
        "## 二、重点任务",
        "（一）推进改革。",
        "第五条规定的情形，依照本办法处理。",
      ].join("\n\n"),
    );
    expect(ids(tree)).toEqual(["item-1", "item-1-1", "item-1-2", "item-1-2-1", "p-4", "item-2", "item-2-1", "p-6"]);
  });

  it("does not let an author's id pass as an anchor", () => {
    const html = renderMarkdown('<p id="art-1">伪造</p>\n\n<h2 id="ch-1">伪造</h2>\n\n第一条 真的。');
    expect(html).not.toMatch(/id="(art|ch)-1">伪造/);
    expect(html).toContain('<p id="art-1">第一条 真的。');
  });
});

describe("the contents list", () => {
  it.skipIf(!hasCorpus)("lists the chapters and sections of a long law, sections one level deeper", () => {
    const entries = outline(parseBody(readLaw(REVIEW_LAW).body));
    expect(entries[0]).toEqual({ id: "ch-1", depth: 1, text: expect.stringMatching(/^第一章\s+总\s*则$/) });
    expect(entries.find((entry) => entry.id === "ch-2-sec-1")).toMatchObject({ depth: 2 });
    expect(entries.filter((entry) => entry.depth === 1)).toHaveLength(7);
  });

  it.skipIf(!hasCorpus)("lists the clauses of a long document without chapters", () => {
    const file = "司法解释/最高人民法院关于审理劳动争议案件适用法律问题的解释（一）(2020-12-29).md";
    const entries = outline(parseBody(readLaw(file).body));
    expect(entries.length).toBeGreaterThan(50);
    expect(entries[0]).toEqual({ id: "art-1", depth: 1, text: "第一条" });
  });

  it("is empty for a short text", () => {
    expect(outline(parseBody("第一条 本办法自发布之日起施行。\n\n第二条 由某部负责解释。"))).toEqual([]);
  });
});
