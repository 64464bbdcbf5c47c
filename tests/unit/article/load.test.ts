import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatProblems, loadArchive } from "../../../src/lib/article/load.ts";
import { articleFile, makeArchive, ROOT, SAMPLE_ARTICLE } from "../../helpers/archive.ts";

describe("loading an archive", () => {
  it("loads the shipped sample archive with no problems", async () => {
    const { articles, problems } = await loadArchive(`${ROOT}/content`);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.meta.id)).toContain("2020-03-04-1h89qg");
    const taiyuan = articles.find((a) => a.meta.id === "2020-03-04-1h89qg");
    expect(taiyuan?.body).toContain("樓陽生強調，今年是我省脫貧攻堅決戰完勝");
    const withFiles = articles.filter((a) => a.attachments.length > 0);
    expect(withFiles.map((a) => a.attachments.map((file) => file.name).sort())).toEqual([
      ["guoqi-zhifa-shuoming.txt", "guoqi-zhifa-tuan.svg"],
    ]);
  });

  it("lists every problem in every file at once, with path, line and field", async () => {
    const gbk = iconv.encode(articleFile({ id: "2024-01-03-gbk", title: "国务院关于印发通知" }), "gbk");
    const dir = makeArchive({
      "2024/01/good.md": articleFile(),
      "2024/01/no-title.md": articleFile({ id: "2024-01-04-x", title: undefined }),
      "2024/01/bad-date.md": articleFile({ id: "2024-01-05-x", date: "2024-02-30" }),
      "2024/01/bad-yaml.md": "---\nid: 2024-01-06-x\ntitle: [unclosed\n---\n正文\n",
      "2024/01/dup.md": articleFile(),
      "2024/01/gbk.md": gbk,
      "2024/01/notes.txt": "a note",
      "2024/01/empty-body.md": articleFile({ id: "2024-01-07-x" }, "  \n"),
      "2024/01/no-front-matter.md": "正文\n",
    });
    const { articles, problems } = await loadArchive(dir);
    // Two files sharing an id are both held back: neither may take the address.
    expect(articles).toEqual([]);
    const byFile = (file: string) => problems.filter((p) => p.file === `${dir}/articles/2024/01/${file}`);
    expect(byFile("no-title.md")).toEqual([
      {
        file: `${dir}/articles/2024/01/no-title.md`,
        field: "title",
        message: expect.stringContaining("required field is missing"),
      },
    ]);
    expect(byFile("bad-date.md")[0]).toMatchObject({
      field: "date",
      message: expect.stringContaining('got "2024-02-30"'),
    });
    expect(byFile("bad-yaml.md")[0]).toMatchObject({ line: 3, message: expect.stringContaining("malformed YAML") });
    expect(byFile("gbk.md")[0]).toMatchObject({ line: 3, message: expect.stringContaining("not UTF-8") });
    expect(byFile("notes.txt")[0]?.message).toContain("not a Markdown file");
    expect(byFile("empty-body.md")[0]?.message).toContain("no body text");
    expect(byFile("no-front-matter.md")[0]?.message).toContain("must start with a line of three hyphens");
    expect(byFile("dup.md")[0]).toMatchObject({
      field: "id",
      message: expect.stringContaining("articles/2024/01/good.md"),
    });
    expect(byFile("good.md")[0]).toMatchObject({ field: "id", message: expect.stringContaining("duplicate id") });
    expect(formatProblems(byFile("bad-yaml.md"))).toBe(
      `${dir}/articles/2024/01/bad-yaml.md:3: malformed YAML in the front matter: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
  });

  it("reads a file with a BOM and Windows line endings", async () => {
    const crlf = `\uFEFF${readFileSync(SAMPLE_ARTICLE, "utf8").replace(/\n/g, "\r\n")}`;
    const { articles, problems } = await loadArchive(makeArchive({ "a.md": crlf }));
    expect(problems).toEqual([]);
    expect(articles[0]?.meta.title).toBe("全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開");
  });
});
