import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { finishDraft, TITLE_ONLY_NOTE } from "../../../src/lib/import/article.ts";
import { runImport } from "../../../src/lib/import/importer.ts";
import { readJsonlLine } from "../../../src/lib/import/jsonl.ts";
import { runCli, tempDir } from "./helpers.ts";
import { xwlbFeedWithTitleOnlyItems } from "./xwlb.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const titleOnly = (fields: Record<string, unknown>) =>
  readJsonlLine({ line: 1, text: JSON.stringify({ date: "2022-09-30", ...fields }) });

describe("items with a title and no body", () => {
  it("are refused, saying how to keep them", () => {
    const finished = finishDraft(titleOnly({ title: "烈士纪念日向人民英雄敬献花篮仪式在京隆重举行", body: "" }));
    expect(finished).toMatchObject({ ok: false, titleOnly: true });
    expect(!finished.ok && finished.problems.join()).toMatch(/a title and no body text.*--keep-title-only/);
  });

  it("are kept with a note in the article's script", () => {
    const hans = finishDraft(titleOnly({ title: "国庆假期 总台节目丰富多彩" }), { keepTitleOnly: true });
    const hant = finishDraft(titleOnly({ title: "國慶假期 總臺節目豐富多彩", body: "<p></p>" }), {
      keepTitleOnly: true,
    });
    expect(hans.ok && hans.article.body).toBe("（原文只有标题，没有正文。）\n");
    expect(hant.ok && hant.article.body).toBe("（原文只有標題，沒有正文。）\n");
    expect(hant.ok && hant.article.titleOnly).toBe(true);
  });
});

describe("title-only items of one day", () => {
  it("are not taken for duplicates of each other: their notes are alike, their titles are not", async () => {
    const dir = tempDir();
    const feed = path.join(dir, "feed.jsonl");
    const line = (title: string) => JSON.stringify({ title, date: "2022-09-30", source: "新闻联播" });
    writeFileSync(feed, [line("国庆假期 总台节目丰富多彩"), line("喜迎国庆 各地节日气氛浓厚")].join("\n"));
    const summary = await runImport(
      [feed],
      { archive: path.join(dir, "archive"), keepTitleOnly: true },
      { event: () => undefined },
    );
    expect(summary).toMatchObject({ written: 2, skipped: 0, errors: 0, titleOnly: 2 });
  });
});

describe.skipIf(!hasCorpus)("a bulk xwlb feed with video-only items", { timeout: 180_000 }, () => {
  it("counts them in the summary, and with --keep-title-only writes them so that the archive loads", async () => {
    const items = xwlbFeedWithTitleOnlyItems(2);
    const videos = items.filter((item) => item.html === "");
    expect(videos.length).toBeGreaterThan(0);
    const dir = tempDir();
    const feed = path.join(dir, "feed.jsonl");
    writeFileSync(
      feed,
      items
        .map((item) => JSON.stringify({ title: item.title, date: item.day, source: "新闻联播", body: item.html }))
        .join("\n"),
    );

    const refused = runCli(["--dry-run", "--quiet", "--archive", path.join(dir, "archive"), feed]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      `${items.length - videos.length} would be written, 0 skipped, 0 warnings, ${videos.length} error${videos.length > 1 ? "s" : ""} (${videos.length} with a title and no body: --keep-title-only writes them)`,
    );

    const archive = path.join(dir, "archive");
    const kept = runCli(["--keep-title-only", "--quiet", "--archive", archive, feed]);
    expect(kept.stderr).not.toMatch(/^(?:warning|error):/m);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain(
      `Summary: ${items.length} written (${videos.length} with a title only, and a note saying so), 0 skipped`,
    );
    const loaded = await loadArchive(archive);
    expect(loaded.problems).toEqual([]);
    const noted = loaded.articles.filter((article) => article.body.includes(TITLE_ONLY_NOTE.hans));
    expect(noted.map((article) => article.meta.title).sort()).toEqual(videos.map((item) => item.title).sort());
    const files = readdirSync(archive, { recursive: true }).filter((file) => String(file).endsWith(".md"));
    expect(files).toHaveLength(items.length);
  });
});
