import { describe, expect, it } from "vitest";
import { finishDraft } from "../../../src/lib/import/article.ts";
import { readJsonlLine } from "../../../src/lib/import/jsonl.ts";
import { readRawCopy } from "../../../src/lib/import/raw.ts";
import { parseRunFields } from "../../../src/lib/import/run-fields.ts";

const lines = (...text: string[]) => text.join("\n");

function fieldsOf(...options: string[]): Record<string, unknown> {
  const parsed = parseRunFields(options);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.fields;
}

describe("--set: fields for every input of a run", () => {
  it("gives a copy without a source/date line the date and source it lacks", () => {
    const draft = readRawCopy(lines("国务院常务会议部署稳就业工作", "会议指出，要稳定就业。"));
    expect(finishDraft(draft).ok).toBe(false);
    const finished = finishDraft(draft, { fields: fieldsOf("date=2017-12-04", "source=新华网") });
    expect(finished.ok).toBe(true);
    if (finished.ok) {
      expect(finished.article.meta).toMatchObject({ source: "新华网", date: { day: "2017-12-04" } });
      expect(finished.article.text).toContain("\nsource: 新华网\n");
    }
  });

  it("lets what the copy says win", () => {
    const draft = readRawCopy(lines("标题", "来源：人民网 2020-03-04 07:41", "正文。"));
    const finished = finishDraft(draft, { fields: fieldsOf("date=2017-12-04", "source=新华网", "section=要闻") });
    expect(finished.ok && finished.article.meta).toMatchObject({
      source: "人民网",
      section: "要闻",
      date: { day: "2020-03-04", hasTime: true },
    });
  });

  it("lets a JSONL line's own fields win too", () => {
    const draft = readJsonlLine({ line: 1, text: JSON.stringify({ title: "标题", source: "人民网", body: "正文。" }) });
    const finished = finishDraft(draft, { fields: fieldsOf("date=2017-12-04", "source=新华网") });
    expect(finished.ok && finished.article.meta.source).toBe("人民网");
  });

  it("reads values as front matter does: a list in brackets", () => {
    expect(fieldsOf("authors=[李全宏, 王成]", "topics=脱贫攻坚")).toEqual({
      authors: ["李全宏", "王成"],
      topics: "脱贫攻坚",
    });
  });

  it.each([
    [["date=yesterday"], /^--set date: expected a date such as 2020-03-04.*got "yesterday"/],
    [["sorce=新华网"], /^--set sorce: unknown field \(did you mean "source"\?\)/],
    [["url=www.example.com"], /^--set url: expected the original web address/],
    [["status=valid"], /^--set status: expected one of in_force/],
    [["source"], /^--set source: expected field=value/],
    [["source=新华网", "source=人民网"], /source is set twice/],
    [["id=2020-03-04-abc"], /every article needs its own id/],
    [["script=hant"], /use --script/],
    [["supersedes=2020-03-04-abc"], /^--set supersedes=2020-03-04-abc: versions are linked automatically, by title/],
    [["editor="], /^--set editor: .*empty value/],
  ])("refuses %s with a message naming the option", (options, message) => {
    const parsed = parseRunFields(options);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join("\n")).toMatch(message);
  });
});
