import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { finishDraft } from "../../../src/lib/import/article.ts";
import { ImportError } from "../../../src/lib/import/draft.ts";
import { runImport, type ImportEvent } from "../../../src/lib/import/importer.ts";
import { jsonlLines, readJsonlLine } from "../../../src/lib/import/jsonl.ts";
import { tempDir } from "./helpers.ts";
import { visibleText, xwlbItems } from "./xwlb.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

/** Text compared without layout: whitespace and the width of punctuation do not matter, every character does. */
const comparable = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");
/** The text of a written Markdown body: bold markers and the hard-break backslash are syntax, not text. */
const markdownText = (markdown: string) =>
  markdown
    .replace(/\*\*/g, "")
    .replace(/\\\n/g, "\n")
    .replace(/\\([\\`*_[\]#+\-.!<>])/g, "$1");

describe.skipIf(!hasCorpus)("bulk JSONL import of 1,000 xwlb items", () => {
  it("keeps every article, with its title, date and body", async () => {
    const items = xwlbItems(1000);
    expect(items).toHaveLength(1000);
    const dir = tempDir();
    const input = path.join(dir, "xwlb.jsonl");
    writeFileSync(
      input,
      `${items.map((item) => JSON.stringify({ title: item.title, date: item.day, url: item.url, script: "hans", body: item.html })).join("\n")}\n`,
    );

    const events: ImportEvent[] = [];
    const started = performance.now();
    const summary = await runImport(
      [input],
      { archive: path.join(dir, "content") },
      { event: (event) => events.push(event) },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`imported 1,000 JSONL items in ${seconds.toFixed(1)} s`);

    expect(events.filter((event) => event.kind !== "written")).toEqual([]);
    expect(summary).toEqual({
      written: 1000,
      replaced: 0,
      skipped: 0,
      warnings: 0,
      errors: 0,
      titleOnly: 0,
      titleOnlyRefused: 0,
      linked: 0,
    });

    const archive = await loadArchive(path.join(dir, "content"));
    expect(archive.problems).toEqual([]);
    expect(archive.articles).toHaveLength(1000);
    const byUrl = new Map(archive.articles.map((article) => [article.meta.url, article]));
    for (const item of items) {
      const article = byUrl.get(item.url);
      expect(article, item.url).toBeDefined();
      expect(article?.meta.title).toBe(item.title);
      expect(article?.meta.date.day).toBe(item.day);
      expect(article?.meta.script).toBe("hans");
      expect(article?.file).toMatch(
        new RegExp(`articles/${item.day.slice(0, 4)}/${item.day.slice(5, 7)}/${item.day}-[a-z0-9]{6}\\.md$`),
      );
      expect(comparable(markdownText(article?.body ?? "")), item.url).toBe(comparable(visibleText(item.html)));
    }
    expect(seconds).toBeLessThan(30);
  });
});

describe("readJsonlLine", () => {
  it("keeps a given id and script, cleans text fields and a Markdown body", () => {
    const draft = readJsonlLine({
      line: 3,
      text: JSON.stringify({
        id: "old-archive-0042",
        title: "關(guān)于脫貧攻堅,的通知",
        date: "2020-03-04 07:41",
        script: "hant",
        authors: ["李全宏 "],
        body: "\u3000\u3000第一段,見[鏈接](https://example.cn/a,b)。\n\n**粗體**,第二段。\n",
      }),
    });
    const finished = finishDraft(draft);
    if (!finished.ok) throw new Error(finished.problems.join());
    expect(finished.article.meta).toMatchObject({
      id: "old-archive-0042",
      title: "關于脫貧攻堅，的通知",
      script: "hant",
      authors: ["李全宏"],
    });
    expect(finished.article.body).toBe("第一段，見[鏈接](https://example.cn/a,b)。\n\n**粗體**，第二段。\n");
    expect(finished.article.file).toBe("articles/2020/03/old-archive-0042.md");
  });

  it("warns when the given script does not match the text", () => {
    const draft = readJsonlLine({
      line: 1,
      text: JSON.stringify({
        title: "国务院关于发展经济的通知",
        date: "2020-03-04",
        script: "hant",
        body: "这是简体中文的正文，关于经济发展。",
      }),
    });
    const finished = finishDraft(draft);
    expect(finished.ok && finished.article.warnings.map((w) => w.message).join()).toMatch(
      /given as hant but the text looks like hans/,
    );
  });

  it.each([
    ["{not json", /invalid JSON/],
    ["[1, 2]", /expected a JSON object/],
    ['"text"', /expected a JSON object/],
    ['{"title": "正文不是文字", "date": "2020-03-04", "body": 3}', /"body" must be the article's text/],
  ])("rejects %s with the line number", (text, message) => {
    try {
      readJsonlLine({ line: 7, text });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).line).toBe(7);
      expect((error as ImportError).message).toMatch(message);
    }
  });

  it("leaves field errors to the schema, which names the field", () => {
    const finished = finishDraft(
      readJsonlLine({ line: 1, text: JSON.stringify({ titel: "錯字", date: "2020-13-01", body: "正文。" }) }),
    );
    expect(finished.ok).toBe(false);
    if (!finished.ok) {
      const problems = finished.problems.join("\n");
      expect(problems).toMatch(/titel: unknown field \(did you mean "title"\?\)/);
      expect(problems).toMatch(/title: required field is missing/);
      expect(problems).toMatch(/date: expected a date/);
    }
  });

  it("keeps line numbers and skips blank lines", () => {
    expect(jsonlLines('{"a":1}\r\n\n  \n{"b":2}').map((line) => line.line)).toEqual([1, 4]);
  });
});
