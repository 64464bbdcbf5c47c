import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIELD_NAMES } from "../../../src/lib/article/fields.ts";
import { splitFrontMatter } from "../../../src/lib/article/frontmatter.ts";
import { validateFrontMatter, type ArticleMeta } from "../../../src/lib/article/schema.ts";
import { serializeArticle, serializeFrontMatter } from "../../../src/lib/article/serialize.ts";
import { SAMPLE } from "./helpers.ts";

function meta(data: Record<string, unknown>): ArticleMeta {
  const checked = validateFrontMatter(data);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.meta;
}

function roundTrip(article: ArticleMeta, body: string) {
  const split = splitFrontMatter(serializeArticle(article, body));
  return { meta: meta(split.data as Record<string, unknown>), body: split.body };
}

const base = { id: "2020-03-04-abcdef", title: "標題", date: "2020-03-04", script: "hant" };

describe("serializeArticle", () => {
  it("writes the sample article back byte for byte", () => {
    const text = readFileSync(SAMPLE, "utf8");
    const split = splitFrontMatter(text);
    expect(serializeArticle(meta(split.data as Record<string, unknown>), split.body)).toBe(text);
  });

  it("writes fields in the order of fields.ts, whatever order they come in", () => {
    const data = Object.fromEntries(
      Object.entries({
        ...base,
        editor: "田洲",
        authors: ["李全宏"],
        subtitle: "副",
        kicker: "引",
        source: "山西日報",
        url: "https://example.cn/a.html",
      }).reverse(),
    );
    const yaml = serializeFrontMatter(meta(data));
    const keys = yaml
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(":")[0]);
    expect(keys).toEqual(FIELD_NAMES.filter((field) => field in data));
  });

  it.each([
    ["a title that looks like a number", { title: "2020" }],
    ["a title that looks like a boolean to YAML 1.1 readers", { title: "yes" }],
    ["a title that looks like a date", { title: "2020-03-04" }],
    ["a colon and a hash", { title: "習近平: 講話 #1" }],
    ["YAML indicators at the start", { title: "- [草案] {一} & *星 !感嘆 %百分 @at `引`" }],
    ["quotes and brackets", { title: "“十四五”規劃『要點』「說明」（全文）" }],
    ["leading and trailing full-width space", { title: "\u3000標題\u3000" }],
    ["names with commas and brackets", { authors: ["李, 四", "[王五]", "null", "true"] }],
    ["a day-only date", { date: "2020-03-04" }],
    ["a date with a time and another offset", { date: "2020-03-04T07:41:00+09:00" }],
    ["conversion rules", { conversion: { protect: ["新征程"], pairs: [{ hans: "于", hant: "於" }] } }],
    [
      "every list field",
      { topics: ["脫貧攻堅"], persons: ["樓陽生", "林武"], places: ["山西省"], issuers: ["國務院"] },
    ],
    [
      "document fields",
      {
        document_number: "國發〔2020〕1號",
        document_type: "通知",
        status: "in_force",
        effective: "2020-05-01",
        captured: "2026-11-28",
      },
    ],
  ])("round-trips %s to the same values", (_, fields) => {
    const article = meta({ ...base, ...fields });
    const back = roundTrip(article, "正文。\n");
    expect(back.meta).toEqual(article);
    expect(back.body.trim()).toBe("正文。");
  });

  it("writes lists on one line and the date as the archive writes it", () => {
    const yaml = serializeFrontMatter(meta({ ...base, authors: ["李全宏", "王成"], date: "2020-03-04 07:41" }));
    expect(yaml).toContain("authors: [李全宏, 王成]\n");
    expect(yaml).toContain("date: 2020-03-04T07:41:00+08:00\n");
  });

  it("ends the file with one newline and separates the body by one blank line", () => {
    const text = serializeArticle(meta(base), "\n\n第一段。\n\n第二段。\n\n\n");
    expect(text.endsWith("---\n\n第一段。\n\n第二段。\n")).toBe(true);
  });
});
