import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../src/lib/article/frontmatter.ts";
import { validateFrontMatter } from "../../../src/lib/article/schema.ts";
import { SAMPLE_ARTICLE } from "../../helpers/archive.ts";

const valid = { id: "2024-01-02-abc123", title: "国务院关于印发通知", date: "2024-01-02", script: "hans" };

function problemsOf(data: unknown) {
  const result = validateFrontMatter(data);
  if (result.ok) throw new Error("expected problems, got a valid article");
  return result.problems;
}

describe("the article schema", () => {
  it("accepts the sample article and reads its headline block, people and China-time date", () => {
    const { data } = splitFrontMatter(readFileSync(SAMPLE_ARTICLE, "utf8"));
    const result = validateFrontMatter(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.meta.kicker).toBe("樓陽生對脫貧攻堅提出要求");
    expect(result.meta.title).toBe("全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開");
    expect(result.meta.subtitle).toBe("林武作批示");
    expect(result.meta.authors).toEqual(["李全宏"]);
    expect(result.meta.date).toEqual({ iso: "2020-03-04T07:41:00+08:00", day: "2020-03-04", hasTime: true });
    expect(result.meta.script).toBe("hant");
  });

  it("requires only id, title, date and script", () => {
    expect(validateFrontMatter(valid).ok).toBe(true);
    const problems = problemsOf({});
    expect(problems.map((p) => p.field).sort()).toEqual(["date", "id", "script", "title"]);
    for (const problem of problems) expect(problem.message).toMatch(/^required field is missing: expected /);
  });

  it("takes China time when a date has no zone, and keeps an explicit zone", () => {
    const china = validateFrontMatter({ ...valid, date: "2020-03-04 07:41" });
    expect(china.ok && china.meta.date.iso).toBe("2020-03-04T07:41:00+08:00");
    const utc = validateFrontMatter({ ...valid, date: "2020-03-04T23:41:00Z" });
    expect(utc.ok && utc.meta.date.iso).toBe("2020-03-04T23:41:00Z");
  });

  it.each([
    ["2020-02-30", "an impossible day"],
    ["2020-13-01", "an impossible month"],
    ["2020-03-04 25:00", "an impossible hour"],
    ["2020年3月4日", "a Chinese-style date"],
    ["yesterday", "a word"],
  ])("rejects the date %s (%s) and says what it expected", (date) => {
    const [problem] = problemsOf({ ...valid, date });
    expect(problem?.field).toBe("date");
    expect(problem?.message).toContain("expected a date such as 2020-03-04");
    expect(problem?.message).toContain(`got "${date}"`);
  });

  it("names a mistyped field and suggests the right one", () => {
    const problems = problemsOf({ ...valid, titel: "x", auther: ["张三"] });
    expect(problems).toContainEqual({ field: "titel", message: expect.stringContaining('did you mean "title"?') });
    expect(problems).toContainEqual({ field: "auther", message: expect.stringContaining('did you mean "authors"?') });
  });

  it("rejects values of the wrong type with what was expected and what was found", () => {
    const problems = problemsOf({ ...valid, title: 2020, authors: [1], script: "big5", status: "valid" });
    expect(problems).toContainEqual({
      field: "title",
      message: "expected the headline as non-empty text, got number 2020",
    });
    expect(problems.find((p) => p.field === "authors.0")?.message).toContain("expected a list of author names");
    expect(problems.find((p) => p.field === "script")?.message).toMatch(/expected hans .* or hant .*, got "big5"/);
    expect(problems.find((p) => p.field === "status")?.message).toContain("in_force");
  });

  it("rejects a whitespace-only title", () => {
    expect(problemsOf({ ...valid, title: "   " })[0]?.field).toBe("title");
  });

  it.each(["../etc/passwd", "Upper-Case", "a--b", "ab", "x".repeat(81), "中文编号", "a/b"])(
    "refuses the id %s, which could not be a safe permanent URL",
    (id) => {
      expect(problemsOf({ ...valid, id })[0]?.field).toBe("id");
    },
  );

  it("refuses an original URL that is not http(s)", () => {
    expect(problemsOf({ ...valid, url: "javascript:alert(1)" })[0]?.field).toBe("url");
    expect(
      validateFrontMatter({ ...valid, url: "https://www.gov.cn/zhengce/content/2020-03/04/content_1.htm" }).ok,
    ).toBe(true);
  });

  it("accepts a policy document with its number, issuers, type, status and effective date", () => {
    const result = validateFrontMatter({
      ...valid,
      document_number: "国发〔2024〕1号",
      issuers: ["国务院"],
      document_type: "通知",
      status: "in_force",
      effective: "2024-02-01",
      license: "公有领域",
    });
    expect(result.ok && result.meta.issuers).toEqual(["国务院"]);
    expect(problemsOf({ ...valid, effective: "2024-02-30" })[0]?.field).toBe("effective");
  });

  it("accepts a single name where a list is expected", () => {
    const result = validateFrontMatter({ ...valid, persons: "樓陽生" });
    expect(result.ok && result.meta.persons).toEqual(["樓陽生"]);
  });
});
