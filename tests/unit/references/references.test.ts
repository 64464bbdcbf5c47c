import type { Root } from "hast";
import { describe, expect, it } from "vitest";
import { parseBody, treeToHtml } from "../../../src/lib/markdown/render.ts";
import { clauseAnchors } from "../../../src/lib/references/anchors.ts";
import { citedDocuments, findReferences } from "../../../src/lib/references/find.ts";
import { buildReferenceResolver } from "../../../src/lib/references/resolver.ts";
import { findTitles } from "../../../src/lib/references/titles.ts";
import type { ReferableDocument } from "../../../src/lib/references/types.ts";
import { convertTree, createConverter, directionFrom } from "../../../src/lib/script/index.ts";

// A small archive: two versions of one law, a law without other versions, a regulation
// archived in Traditional script, and two yearly reports sharing a title.
const FOOD_SAFETY_2015 = "food-safety-2015";
const FOOD_SAFETY_2021 = "food-safety-2021";
const DOCUMENTS: ReferableDocument[] = [
  { id: FOOD_SAFETY_2015, title: "中华人民共和国食品安全法", day: "2015-04-24" },
  { id: FOOD_SAFETY_2021, title: "中华人民共和国食品安全法", day: "2021-04-29", supersedes: FOOD_SAFETY_2015 },
  { id: "copyright", title: "中华人民共和国著作权法", day: "2020-11-11" },
  { id: "tw-personal-data", title: "個人資料保護法施行細則", day: "2016-03-02", script: "hant" },
  { id: "constitution", title: "中华人民共和国宪法", day: "2018-03-11", script: "hans" },
  { id: "report-2023", title: "政府工作报告", day: "2023-03-05" },
  { id: "report-2024", title: "政府工作报告", day: "2024-03-05" },
];
const BODIES: Record<string, string> = {
  [FOOD_SAFETY_2015]:
    "第一条 为了保证食品安全，保障公众身体健康和生命安全，制定本法。\n\n第三十四条 禁止生产经营下列食品。\n",
  [FOOD_SAFETY_2021]:
    "第一条 为了保证食品安全，保障公众身体健康和生命安全，制定本法。\n\n第三十四条 禁止生产经营下列食品、食品添加剂、食品相关产品。\n\n第一百五十四条 本法自2015年10月1日起施行。\n",
  copyright:
    "第一条 为保护文学、艺术和科学作品作者的著作权……\n\n第十二条 在作品上署名的自然人、法人或者非法人组织为作者。\n",
  "tw-personal-data": "第一條 本細則依個人資料保護法第五十五條規定訂定之。\n",
};
const anchors = new Map(Object.entries(BODIES).map(([id, body]) => [id, clauseAnchors(body)]));
const resolver = buildReferenceResolver(DOCUMENTS, (id) => anchors.get(id));

const citing = (day: string, id = "notice", title = "关于加强食品安全工作的通知") => ({ id, title, day });

/** The links an article body gets: [linked text, href] pairs. */
function links(markdown: string, article = citing("2022-06-01")): [string, string][] {
  const tree = parseBody(markdown, { citing: article, resolver });
  return [...treeToHtml(tree).matchAll(/<a class="reference" href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => [
    text!,
    href!,
  ]);
}

describe("titles in 《》", () => {
  it("finds the outermost title, with a title quoted inside it", () => {
    const text = "根据《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》和《中华人民共和国食品安全法》";
    expect(findTitles(text).map((span) => span.title)).toEqual([
      "最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释",
      "中华人民共和国食品安全法",
    ]);
  });
});

describe("links to cited documents", () => {
  it("links a full title and a short title to the document", () => {
    expect(links("依照《中华人民共和国著作权法》的规定，参照《著作权法》执行。")).toEqual([
      ["《中华人民共和国著作权法》", "../copyright/"],
      ["《著作权法》", "../copyright/"],
    ]);
  });

  it("links 第十二条 after a title to the clause's anchor, and the clauses listed after it", () => {
    expect(links("软件著作权人可以依照《中华人民共和国著作权法》第十二条第二款、第一条的规定申请保全证据。")).toEqual([
      ["《中华人民共和国著作权法》", "../copyright/"],
      ["第十二条第二款", "../copyright/#art-12"],
      ["第一条", "../copyright/#art-1"],
    ]);
  });

  it("links a clause only when the document has it", () => {
    expect(links("依照《著作权法》第九十九条处理。")).toEqual([["《著作权法》", "../copyright/"]]);
  });

  it("links to the version in force on the citing article's day", () => {
    const sentence = "违反《中华人民共和国食品安全法》第三十四条规定的，依法处罚。";
    expect(links(sentence, citing("2018-05-01"))).toEqual([
      ["《中华人民共和国食品安全法》", `../${FOOD_SAFETY_2015}/`],
      ["第三十四条", `../${FOOD_SAFETY_2015}/#art-34`],
    ]);
    expect(links(sentence, citing("2023-01-10"))).toEqual([
      ["《中华人民共和国食品安全法》", `../${FOOD_SAFETY_2021}/`],
      ["第三十四条", `../${FOOD_SAFETY_2021}/#art-34`],
    ]);
  });

  it("links a text older than every archived version to the first, without its clauses, which were numbered otherwise", () => {
    expect(links("依照《食品安全法》第三十四条处理。", citing("2009-06-01"))).toEqual([
      ["《食品安全法》", `../${FOOD_SAFETY_2015}/`],
    ]);
  });

  it("finds a document across scripts: a Traditional title, and a Simplified one for a Traditional document", () => {
    expect(links("依照《中華人民共和國著作權法》第十二條規定。")).toEqual([
      ["《中華人民共和國著作權法》", "../copyright/"],
      ["第十二條", "../copyright/#art-12"],
    ]);
    expect(links("参照台湾地区《个人资料保护法施行细则》第一条。")).toEqual([
      ["《个人资料保护法施行细则》", "../tw-personal-data/"],
      ["第一条", "../tw-personal-data/#art-1"],
    ]);
  });

  it("takes a short title for a document in the citing text's script only, a full title from either", () => {
    expect(links("依照《宪法》第一条。")).toEqual([["《宪法》", "../constitution/"]]);
    // In Traditional script 《憲法》 may well be another constitution than the PRC's.
    const traditional = { ...citing("2022-06-01"), script: "hant" };
    expect(links("依《憲法》規定。", traditional)).toEqual([]);
    expect(links("依《中華人民共和國憲法》規定。", traditional)).toEqual([
      ["《中華人民共和國憲法》", "../constitution/"],
    ]);
  });

  it("leaves plain a title that names nothing in the archive: a licence, a form, a law not archived", () => {
    const text =
      "取得《食品经营许可证》的，应当填写《居民身份证申领登记表》，并遵守《中华人民共和国公司法》第一百四十六条。";
    expect(links(text)).toEqual([]);
    expect(findReferences(text, citing("2022-06-01"), resolver, new Set())).toEqual([]);
  });

  it("leaves plain a title several documents share, the yearly report", () => {
    expect(links("认真落实《政府工作报告》部署。", citing("2024-06-01"))).toEqual([]);
  });

  it("does not link inside a link or code", () => {
    expect(links("见[《中华人民共和国著作权法》](https://example.org/)与`《著作权法》`。")).toEqual([]);
  });
});

describe("a document's references to its own clauses", () => {
  const law = citing("2021-04-29", FOOD_SAFETY_2021, "中华人民共和国食品安全法");

  it("links 本法第三十四条 to the clause's anchor on the page itself", () => {
    const body = `${BODIES[FOOD_SAFETY_2021]}\n第一百五十五条 违反本法第三十四条、第一条规定的，依法处罚。\n`;
    expect(links(body, law)).toEqual([
      ["第三十四条", "#art-34"],
      ["第一条", "#art-1"],
    ]);
  });

  it("does not link a clause the document does not have", () => {
    expect(links(`${BODIES[FOOD_SAFETY_2021]}\n依照本法第二百条处理。\n`, law)).toEqual([]);
  });

  it("does not link 本法 in an amendment, where it means the amended law", () => {
    const amendment = citing("2015-08-29", "amendment-9", "中华人民共和国刑法修正案（九）");
    expect(links("第一条 在刑法第三十七条后增加一条，作为第三十七条之一：依照本法第一条的规定。\n", amendment)).toEqual(
      [],
    );
  });
});

describe("links in both scripts", () => {
  it("keeps the links when the body is converted, their text converted", () => {
    const tree: Root = parseBody("依照《中华人民共和国著作权法》第十二条的规定。", {
      citing: citing("2022-06-01"),
      resolver,
    });
    convertTree(tree, createConverter(directionFrom("hans")));
    expect(treeToHtml(tree)).toContain('<a class="reference" href="../copyright/#art-12">第十二條</a>');
    expect(treeToHtml(tree)).toContain('<a class="reference" href="../copyright/">《中華人民共和國著作權法》</a>');
  });
});

describe("what an article cites, found without rendering it", () => {
  it("counts each document cited by title, not the article itself", () => {
    const body = "依照《著作权法》和《中华人民共和国著作权法》第十二条，以及《食品经营许可证》。";
    expect(citedDocuments(body, citing("2022-06-01"), resolver)).toEqual(new Map([["copyright", 2]]));
    expect(
      citedDocuments(
        "《中华人民共和国著作权法》",
        citing("2022-06-01", "copyright", "中华人民共和国著作权法"),
        resolver,
      ),
    ).toEqual(new Map());
  });
});

describe("short names a text gives a title", () => {
  // From the 补充安排 of 2020 to the 安排 of 2000 on arbitral awards between the mainland and Hong Kong.
  const arrangement: ReferableDocument = {
    id: "arrangement",
    title: "最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的安排",
    day: "2000-01-24",
  };
  const arrangementAnchors = clauseAnchors("第一条 ……\n\n第二条 ……\n\n第六条 ……\n\n第十一条 ……\n");
  const withArrangement = buildReferenceResolver([...DOCUMENTS, arrangement], (id) =>
    id === "arrangement" ? arrangementAnchors : anchors.get(id),
  );
  const supplement = citing(
    "2020-11-26",
    "supplement",
    "最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的补充安排",
  );

  it("links the short name to the document from there on, in later paragraphs too", () => {
    const body =
      "依据《最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的安排》(以下简称《安排》)第十一条的规定，最高人民法院与香港特别行政区政府经协商，作出如下补充安排：\n\n" +
      "一、《安排》第一条增加一款作为第二款：“上述裁决包括仲裁裁决书……”\n";
    const tree = parseBody(body, { citing: supplement, resolver: withArrangement });
    const found = [...treeToHtml(tree).matchAll(/<a class="reference" href="([^"]*)">([^<]*)<\/a>/g)].map(
      ([, href, text]) => [text, href],
    );
    expect(found).toEqual([
      ["《最高人民法院关于内地与香港特别行政区相互执行仲裁裁决的安排》", "../arrangement/"],
      ["第十一条", "../arrangement/#art-11"],
      ["《安排》", "../arrangement/"],
      ["第一条", "../arrangement/#art-1"],
    ]);
  });

  it("leaves the short name plain when the title it stands for names nothing", () => {
    const text =
      "为了正确适用《最高人民法院关于审理铁路运输人身损害赔偿纠纷案件适用法律若干问题的解释》（以下简称《解释》），依照《解释》第二条办理。";
    const documents = [...DOCUMENTS, { id: "other", title: "解释", day: "2010-01-01" }];
    expect(
      findReferences(
        text,
        citing("2020-01-01"),
        buildReferenceResolver(documents, () => undefined),
        new Set(),
      ),
    ).toEqual([]);
  });
});
