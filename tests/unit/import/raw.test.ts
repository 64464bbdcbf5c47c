import { readFileSync } from "node:fs";
import path from "node:path";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../src/lib/article/frontmatter.ts";
import { finishDraft } from "../../../src/lib/import/article.ts";
import { ImportError } from "../../../src/lib/import/draft.ts";
import { readRawCopy } from "../../../src/lib/import/raw.ts";
import { SAMPLE } from "./helpers.ts";
import { CORPUS, hasCorpus } from "../../helpers/corpus.ts";

const lines = (...text: string[]) => text.join("\n");

function imported(copy: string) {
  const finished = finishDraft(readRawCopy(copy));
  if (!finished.ok) throw new Error(finished.problems.join("\n"));
  return finished.article;
}

describe("readRawCopy", () => {
  it("reads a Simplified copy with a one-line headline and labelled metadata", () => {
    const article = imported(
      lines(
        "当前位置：首页 > 政务公开 > 政策解读",
        "",
        "国务院办公厅关于进一步优化营商环境的通知",
        "发布时间：2020-03-04 10:15 来源:中国政府网",
        "\u3000\u3000各省、自治区、直辖市人民政府:",
        "\u3000\u3000为进一步优化营商环境,现就有关事项通知如下:",
        "\u3000\u30001.加强组织领导。",
        "（责任编辑：张三）",
      ),
    );
    expect(article.meta).toMatchObject({
      title: "国务院办公厅关于进一步优化营商环境的通知",
      section: "政策解读",
      source: "中国政府网",
      editor: "张三",
      script: "hans",
      date: { iso: "2020-03-04T10:15:00+08:00", day: "2020-03-04", hasTime: true },
    });
    expect(article.meta.publisher).toBeUndefined();
    expect(article.body).toBe(
      "各省、自治区、直辖市人民政府：\n\n为进一步优化营商环境，现就有关事项通知如下：\n\n1.加强组织领导。\n",
    );
    expect(article.warnings).toEqual([]);
  });

  it("keeps a day-only date as a day", () => {
    const article = imported(lines("标题在这里", "2020年3月4日", "正文第一段。"));
    expect(article.meta.date).toEqual({ iso: "2020-03-04T00:00:00+08:00", day: "2020-03-04", hasTime: false });
    expect(article.text).toContain("\ndate: 2020-03-04\n");
  });

  it("reads two headline lines and says how it read them", () => {
    const article = imported(
      lines("習近平：", "在全國脫貧攻堅總結表彰大會上的講話", "來源：新華社 2021-02-25", "正文。"),
    );
    expect(article.meta.kicker).toBe("習近平：");
    expect(article.meta.title).toBe("在全國脫貧攻堅總結表彰大會上的講話");
    expect(article.warnings.map((w) => w.message).join()).toMatch(/two headline lines/);
    expect(article.warnings[0]?.line).toBe(1);
  });

  it("takes an editor note off the end of the last paragraph", () => {
    const article = imported(
      lines("標題", "來源：山西日報 2020-03-04", "正文第一段。", "確保全面收官。（責編：田洲）"),
    );
    expect(article.meta.editor).toBe("田洲");
    expect(article.body).toBe("正文第一段。\n\n確保全面收官。\n");
  });

  it("leaves out page furniture at the end, and says so", () => {
    const article = imported(lines("標題", "2020-03-04", "正文。", "【打印本頁】【關閉窗口】", "分享到："));
    expect(article.body).toBe("正文。\n");
    expect(article.warnings.map((w) => w.line)).toEqual([5, 4]);
  });

  it("takes the last three of too many lines above the byline, and names the others", () => {
    const article = imported(lines("首页", "导航", "引题", "主标题比较长一些", "副题", "2020-03-04", "正文。"));
    expect(article.meta).toMatchObject({ kicker: "引题", title: "主标题比较长一些", subtitle: "副题" });
    expect(article.warnings[0]?.message).toMatch(/«首页», «导航»/);
  });

  it("warns when there is no byline and cannot import without a date", () => {
    const draft = readRawCopy(lines("只有标题", "和一段正文。"));
    expect(draft.warnings[0]?.message).toMatch(/no source\/date line/);
    const finished = finishDraft(draft);
    expect(finished.ok).toBe(false);
    if (!finished.ok) expect(finished.problems.join()).toMatch(/no publication date/);
  });

  it("does not take a closing editor line for the byline of a short copy without one", () => {
    const draft = readRawCopy(lines("国务院常务会议部署稳就业工作", "会议指出，要稳定就业。", "（责编：张三）"));
    expect(draft.fields).toEqual({ title: "国务院常务会议部署稳就业工作", editor: "张三" });
    expect(draft.body).toBe("会议指出，要稳定就业。\n");
  });

  it("reports mojibake with the line of the file, and keeps the text as it was", () => {
    const article = imported(lines("標題", "2020-03-04", "", "第一段。", "", "他說,今天就到這裡?!睍間不早了"));
    expect(article.warnings).toHaveLength(1);
    expect(article.warnings[0]?.line).toBe(6);
    expect(article.warnings[0]?.message).toContain("«?!睍»");
    expect(article.body).toContain("他說，今天就到這裡?!睍間不早了");
  });

  it("escapes what Markdown would read as syntax at the start of a paragraph", () => {
    const paragraphs = ["# 不是標題", "- 不是列表", "> 不是引用", "1. 不是編號", "*不是強調*與[不是鏈接](x)"];
    const article = imported(lines("標題", "2020-03-04", ...paragraphs));
    // Read back as a Markdown renderer would: every paragraph is still a plain paragraph with its own text.
    const tree = unified().use(remarkParse).parse(splitFrontMatter(article.text).body);
    expect(tree.children.map((node) => node.type)).toEqual(paragraphs.map(() => "paragraph"));
    const texts = tree.children.map((node) =>
      "children" in node ? node.children.map((c) => ("value" in c ? c.value : "")).join("") : "",
    );
    expect(texts).toEqual(paragraphs);
  });

  it("cannot read a copy with no text", () => {
    expect(() => readRawCopy("\n \u3000\n\u200B\n")).toThrow(ImportError);
  });

  it.skipIf(!hasCorpus)("matches the sample article's body for the Taiyuan copy", () => {
    const sample = readFileSync(SAMPLE, "utf8");
    expect(`\n${imported(readFileSync(path.join(CORPUS, "raw/taiyuan-2020-03-04.txt"), "utf8")).body}`).toBe(
      splitFrontMatter(sample).body,
    );
  });
});
