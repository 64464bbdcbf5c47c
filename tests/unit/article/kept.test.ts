import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive, type ArchiveLoad, type KeptArticle } from "../../../src/lib/article/load.ts";
import { keptFrom } from "../../../src/loaders/dev-reload.ts";
import { articleFile, makeArchive } from "../../helpers/archive.ts";

/** What the dev server keeps of a load: each article with its file's identity, by file. */
const lastLoadOf = (load: ArchiveLoad) =>
  new Map(load.articles.map((article) => [article.file, { article, identity: load.identities.get(article.file)! }]));

const titles = (load: ArchiveLoad) => load.articles.map((article) => article.meta.title).sort();

function twoArticles(): string {
  return makeArchive({
    "2024/01/a.md": articleFile({ id: "2024-01-01-a", title: "第一篇" }),
    "2024/01/b.md": articleFile({ id: "2024-01-02-b", title: "第二篇" }),
  });
}

describe("loading again in the dev server, with the files its watcher saw change", () => {
  it("reads the changed file and takes the others as they were", async () => {
    const dir = twoArticles();
    const first = await loadArchive(dir);
    const changed = path.join(dir, "articles/2024/01/b.md");
    writeFileSync(changed, articleFile({ id: "2024-01-02-b", title: "第二篇改过" }));
    const again = await loadArchive(dir, undefined, keptFrom(lastLoadOf(first), new Set([changed])));
    expect(titles(again)).toEqual(["第一篇", "第二篇改过"]);
    expect(again.reused).toBe(1);
    expect(again.problems).toEqual([]);
  });

  it("forgets a removed article", async () => {
    const dir = twoArticles();
    const first = await loadArchive(dir);
    const removed = path.join(dir, "articles/2024/01/b.md");
    rmSync(removed);
    const again = await loadArchive(dir, undefined, keptFrom(lastLoadOf(first), new Set([removed])));
    expect(titles(again)).toEqual(["第一篇"]);
  });

  it("reads an added file and still finds an id it shares with a kept article", async () => {
    const dir = twoArticles();
    const first = await loadArchive(dir);
    const added = path.join(dir, "articles/2024/01/c.md");
    writeFileSync(added, articleFile({ id: "2024-01-01-a", title: "重复的编号" }));
    const kept: KeptArticle = keptFrom(lastLoadOf(first), new Set([added]));
    const again = await loadArchive(dir, undefined, kept);
    expect(again.problems.map((problem) => problem.message).join("\n")).toMatch(/2024-01-01-a/);
  });

  it("takes a kept article without looking at its file, so only files named as changed are read", async () => {
    const dir = twoArticles();
    const first = await loadArchive(dir);
    // Changed on disk, but not among the files named: the watcher is the one source of truth here.
    writeFileSync(path.join(dir, "articles/2024/01/a.md"), articleFile({ id: "2024-01-01-a", title: "未报告的修改" }));
    const again = await loadArchive(dir, undefined, keptFrom(lastLoadOf(first), new Set()));
    expect(titles(again)).toEqual(["第一篇", "第二篇"]);
    expect(again.reused).toBe(2);
  });
});
