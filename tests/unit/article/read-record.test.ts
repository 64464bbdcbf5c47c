import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive, type ArchiveLoad } from "../../../src/lib/article/load.ts";
import type { ArticleMeta } from "../../../src/lib/article/schema.ts";
import { readBeforeFrom, readerVersion, readRecord } from "../../../src/lib/article/read-record.ts";
import { articleFile, makeArchive } from "../../helpers/archive.ts";

const READER = readerVersion({ "load.ts": "this version" });

/** Loads `dir` as a build does after `last`: with last build's record and its front matter kept by id. */
async function loadAfter(dir: string, last: ArchiveLoad, reader = READER): Promise<ArchiveLoad> {
  const kept = new Map<string, ArticleMeta>(last.articles.map(({ meta }) => [meta.id, meta]));
  const record = readRecord(READER, last.articles, last.identities);
  return loadArchive(
    dir,
    readBeforeFrom(record, reader, (id) => kept.get(id)),
  );
}

function threeArticles(): string {
  return makeArchive({
    "2024/01/a.md": articleFile({ id: "2024-01-01-a", title: "第一篇" }),
    "2024/01/b.md": articleFile({ id: "2024-01-02-b", title: "第二篇" }),
    "2024/01/c.md": articleFile({ id: "2024-01-03-c", title: "第三篇" }),
  });
}

const titles = (load: ArchiveLoad) => load.articles.map((article) => article.meta.title);

describe("loading an archive again after a build", () => {
  it("takes unchanged files' articles from the last build, the same articles as reading them", async () => {
    const dir = threeArticles();
    const first = await loadArchive(dir);
    const again = await loadAfter(dir, first);
    expect(again.reused).toBe(3);
    expect(again.articles).toEqual(first.articles);
    expect(again.problems).toEqual([]);
  });

  it("reads an edited file again and shows its new title and body, and a new file, and forgets a removed one", async () => {
    const dir = threeArticles();
    const first = await loadArchive(dir);
    const b = path.join(dir, "articles/2024/01/b.md");
    writeFileSync(b, readFileSync(b, "utf8").replace("第二篇", "第二篇（更正）").replace("正文。", "更正后的正文。"));
    writeFileSync(path.join(dir, "articles/2024/01/d.md"), articleFile({ id: "2024-01-04-d", title: "第四篇" }));
    rmSync(path.join(dir, "articles/2024/01/a.md"));
    const again = await loadAfter(dir, first);
    expect(titles(again)).toEqual(["第二篇（更正）", "第三篇", "第四篇"]);
    expect(again.articles[0]?.body.trim()).toBe("更正后的正文。");
    expect(again.reused).toBe(1);
  });

  it("still checks the whole archive: a new file with an unchanged file's id holds both back", async () => {
    const dir = threeArticles();
    const first = await loadArchive(dir);
    writeFileSync(path.join(dir, "articles/2024/01/copy.md"), articleFile({ id: "2024-01-01-a", title: "副本" }));
    const again = await loadAfter(dir, first);
    expect(titles(again)).toEqual(["第二篇", "第三篇"]);
    expect(again.problems.map((problem) => problem.field)).toEqual(["id", "id"]);
  });

  it("reports a file that turned bad, whatever the last build read from it", async () => {
    const dir = threeArticles();
    const first = await loadArchive(dir);
    writeFileSync(path.join(dir, "articles/2024/01/c.md"), articleFile({ id: "2024-01-03-c", date: "2024-02-30" }));
    const again = await loadAfter(dir, first);
    expect(titles(again)).toEqual(["第一篇", "第二篇"]);
    expect(again.problems).toEqual([expect.objectContaining({ field: "date" })]);
  });

  it("reads every file again when the code that reads articles has changed", async () => {
    const dir = threeArticles();
    const first = await loadArchive(dir);
    const again = await loadAfter(dir, first, readerVersion({ "load.ts": "another version" }));
    expect(again.reused).toBe(0);
    expect(again.articles).toEqual(first.articles);
  });
});
