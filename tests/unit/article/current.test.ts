import { describe, expect, it } from "vitest";
import { currentArticle, type StoredArticle } from "../../../src/lib/article/current.ts";
import { parseArticleFile } from "../../../src/lib/article/load.ts";
import { withFound } from "../../../src/lib/entities/found.ts";
import { contentHash } from "../../../src/lib/sources/text.ts";
import { articleFile } from "../../helpers/archive.ts";

const FILE = "archive/articles/2024/01/a.md";

/** An article as the loader stores it, with the names found in its text. */
function stored(source: string, found = { persons: ["李强"], places: ["山西省"], organizations: [] }): StoredArticle {
  const result = parseArticleFile(FILE, new TextEncoder().encode(source));
  if (!("article" in result)) throw new Error(JSON.stringify(result.problems));
  const { meta, body, sourceHash } = result.article;
  return { ...withFound(meta, found), file: FILE, attachments: [], sourceHash, contentHash: contentHash(body) };
}

describe("an article as its file reads now, for its page in the dev server", () => {
  const before = articleFile({ title: "原来的标题" }, "李强在山西省考察。\n");

  it("is the stored article itself while the file is unchanged", () => {
    const article = stored(before);
    expect(currentArticle(article, before)).toBe(article);
  });

  it("takes an edited title and text at once, keeping the names found and the attachments", () => {
    const article = stored(before);
    const edited = articleFile({ title: "改过的标题" }, "李强在山西省考察调研。\n");
    const now = currentArticle(article, edited);
    expect(now.title).toBe("改过的标题");
    expect(now.persons).toEqual(["李强"]);
    expect(now.places).toEqual(["山西省"]);
    expect(now.found).toEqual(["persons", "places"]);
    expect(now.file).toBe(FILE);
    expect(now.contentHash).toBe(contentHash("李强在山西省考察调研。\n"));
    expect(now.sourceHash).toBe(stored(edited).sourceHash);
  });

  it("lets names written into the front matter win over those found", () => {
    const now = currentArticle(stored(before), articleFile({ title: "原来的标题", persons: "[习近平]" }));
    expect(now.persons).toEqual(["习近平"]);
    expect(now.found).toEqual(["places"]);
  });

  it("keeps the stored article while the front matter does not parse, fails its checks or names another id", () => {
    const article = stored(before);
    expect(currentArticle(article, "---\ntitle: [unclosed\n---\n\n正文。\n")).toBe(article);
    expect(currentArticle(article, articleFile({ title: "改过", date: "not a date" }))).toBe(article);
    expect(currentArticle(article, articleFile({ id: "2024-01-03-other" }))).toBe(article);
  });
});
