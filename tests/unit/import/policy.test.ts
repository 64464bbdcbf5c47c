import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readUnitLabel } from "../../../src/lib/structure/labels.ts";
import { finishDraft } from "../../../src/lib/import/article.ts";
import {
  documentType,
  historyFields,
  looksLikePolicyDocument,
  readPolicyDocument,
} from "../../../src/lib/import/policy.ts";
import { planVersionLinks, setSupersedes } from "../../../src/lib/import/versions.ts";
import { CORPUS } from "./helpers.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const LAWS = path.join(CORPUS, "laws");
const law = (relative: string) => (hasCorpus ? readFileSync(path.join(LAWS, relative), "utf8") : "");
const CIVIL_PROCEDURE = "司法解释/最高人民法院关于适用《民事诉讼法》的解释(2022-04-01).md";
const WAGES = "行政法规/保障农民工工资支付条例(2019-12-30).md";

/** The article paragraphs (第X条) of a Markdown body, as the structure module reads them. */
const articleLabels = (body: string) =>
  body
    .split(/\n\n+/)
    .map((block) => readUnitLabel(block, false))
    .filter((label) => label?.kind === "article");

describe.skipIf(!hasCorpus)("a law from the national database, as Markdown", () => {
  const draft = readPolicyDocument(law(CIVIL_PROCEDURE), CIVIL_PROCEDURE, true);

  it("takes the title from the heading line, without its #", () => {
    expect(draft.fields.title).toBe("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释");
  });

  it("dates the version by its latest history line, and the entry into force apart", () => {
    expect(draft.fields.date).toBe("2022-03-22");
    expect(draft.fields.effective).toBe("2022-04-10");
    expect(draft.fields.issuers).toEqual(["最高人民法院"]);
    expect(draft.fields.document_type).toBe("解释");
  });

  it("opens the body with the history lines, and leaves the marker out", () => {
    expect(draft.body.startsWith("2014年12月18日 最高人民法院审判委员会第1636次会议通过\n\n")).toBe(true);
    expect(draft.body).toContain("2022年4月10日 施行");
    expect(draft.body).not.toContain("INFO END");
  });

  it("keeps every article where the structure module finds it", () => {
    const original =
      law(CIVIL_PROCEDURE).match(/^第[一二三四五六七八九十百千零〇]+条(?:之[一二三四五六七八九十]+)?\s/gm) ?? [];
    expect(original.length).toBeGreaterThan(500);
    expect(articleLabels(draft.body)).toHaveLength(original.length);
    expect(draft.body).toMatch(/^## 一、管辖$/m);
  });

  it("is a valid article of the archive", () => {
    const finished = finishDraft(draft);
    expect(finished.ok).toBe(true);
  });

  it("takes the date from the file name when the document has no history lines", () => {
    const wages = readPolicyDocument(law(WAGES), WAGES, true);
    expect(wages.fields.date).toBe("2019-12-30");
    expect(wages.fields.document_type).toBe("条例");
  });

  it("says how to give a date when there is none", () => {
    const finished = finishDraft(readPolicyDocument("# 某某办法\n\n第一条 为了规范管理，制定本办法。\n", "x.md", true));
    expect(finished.ok).toBe(false);
    if (!finished.ok) expect(finished.problems.join()).toMatch(/no history line with a date.*--set date=/);
  });
});

describe.skipIf(!hasCorpus)("a law as plain text", () => {
  // The same law as a reader copies it from a page: no #, no marker, chapters as lines of their own.
  const text = law(CIVIL_PROCEDURE).replace(/^#+ /gm, "").replace("<!-- INFO END -->\n", "");

  it("is recognised as a policy document, and a news copy is not", () => {
    expect(looksLikePolicyDocument(text)).toBe(true);
    expect(looksLikePolicyDocument(readFileSync(path.join(CORPUS, "raw/taiyuan-2020-03-04.txt"), "utf8"))).toBe(false);
  });

  it("gives the same fields, and makes division lines headings", () => {
    const draft = readPolicyDocument(text, "copy.txt", false);
    const markdown = readPolicyDocument(law(CIVIL_PROCEDURE), CIVIL_PROCEDURE, true);
    expect(draft.fields).toEqual(markdown.fields);
    expect(articleLabels(draft.body)).toHaveLength(articleLabels(markdown.body).length);
    const wages = readPolicyDocument(law(WAGES).replace(/^#+ /gm, ""), WAGES.replace(".md", ".txt"), false);
    expect(wages.body).toMatch(/^## 第一章　总则$/m);
    expect(wages.body).toMatch(/^第一条 为了规范农民工工资支付行为/m);
  });

  it("leaves out the page widgets copied above the title and below the last article, saying so", () => {
    const copied = `【字体：大 中 小】\n\n${text.trim()}\n\n【打印本页】【关闭窗口】\n`;
    expect(looksLikePolicyDocument(copied)).toBe(true);
    const draft = readPolicyDocument(copied, "copy.txt", false);
    expect(draft.fields).toEqual(readPolicyDocument(text, "copy.txt", false).fields);
    expect(draft.body).not.toMatch(/字体|打印本页|关闭窗口/);
    expect(draft.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining("left out «【字体：大 中 小】»: page furniture (font size switch"),
      expect.stringContaining("left out «【打印本页】【关闭窗口】»: page furniture (print, close"),
    ]);
    expect(draft.warnings[0]?.line).toBe(1);
  });
});

describe("history lines", () => {
  it("read document numbers, issuers and the entry into force from their usual wordings", () => {
    expect(
      historyFields([
        "2019年12月4日 国务院第73次常务会议通过",
        "2019年12月30日 中华人民共和国国务院令第724号公布",
        "自2020年5月1日起施行",
      ]),
    ).toEqual({
      date: "2019-12-30",
      effective: "2020-05-01",
      document_number: "中华人民共和国国务院令第724号",
      issuers: ["国务院"],
    });
    expect(historyFields(["2024年3月1日 国务院印发 国发〔2024〕5号", "2024年3月1日 施行"])).toMatchObject({
      date: "2024-03-01",
      effective: "2024-03-01",
      document_number: "国发〔2024〕5号",
    });
    expect(
      historyFields([
        "2012年12月10日 最高人民法院审判委员会第1563次会议、2012年11月14日最高人民检察院第十一届检察委员会第81次会议通过",
      ]).issuers,
    ).toEqual(["最高人民法院", "最高人民检察院"]);
    expect(historyFields(["2024年3月29日 北京市第十六届人民代表大会常务委员会第九次会议通过"]).issuers).toEqual([
      "北京市人民代表大会常务委员会",
    ]);
  });

  it("name the kind of document from the title's last words", () => {
    expect(documentType("中华人民共和国刑法修正案（十二）")).toBe("修正案");
    expect(documentType("中华人民共和国民法典")).toBeUndefined();
    expect(documentType("中华人民共和国行政诉讼法")).toBe("法律");
    expect(documentType("城市居民最低生活保障条例")).toBe("条例");
  });
});

describe("linking versions", () => {
  const v = (id: string, date: string, isNew: boolean, supersedes?: string) => ({
    id,
    title: "某某条例",
    date,
    isNew,
    ...(supersedes ? { supersedes } : {}),
  });

  it("chains the versions of one title by date, whatever order they come in", () => {
    const links = planVersionLinks([
      v("c", "2020-01-01", true),
      v("a", "2001-01-01", true),
      v("b", "2010-01-01", true),
    ]);
    expect(links).toEqual([
      { id: "b", supersedes: "a", isNew: true },
      { id: "c", supersedes: "b", isNew: true },
    ]);
  });

  it("puts a version found in the archive in its place, relinking the later one", () => {
    const links = planVersionLinks([
      v("a", "2001-01-01", false),
      v("c", "2020-01-01", false, "a"),
      v("b", "2010-01-01", true),
    ]);
    expect(links).toEqual([
      { id: "b", supersedes: "a", isNew: true },
      { id: "c", supersedes: "b", isNew: false },
    ]);
  });

  it("leaves titles without a new version alone, and sets a front matter line in place", () => {
    expect(planVersionLinks([v("a", "2001-01-01", false), v("b", "2010-01-01", false)])).toEqual([]);
    const file = "---\nid: c\ntitle: 某某条例\nsupersedes: a\n---\n\n正文\n";
    expect(setSupersedes(file, "b")).toBe("---\nid: c\ntitle: 某某条例\nsupersedes: b\n---\n\n正文\n");
    expect(setSupersedes("---\nid: c\n---\n\n正文\n", "b")).toBe("---\nid: c\nsupersedes: b\n---\n\n正文\n");
  });
});
