import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { bodyView } from "../../../src/lib/article/view.ts";
import { articleFile, makeArchive } from "../../helpers/archive.ts";
import { pngHeader, PDF_BYTES } from "../../helpers/files.ts";

const BODY = "现将有关事项通知如下。\n\n![示意图](map.png)\n\n附件：[实施细则](fujian-1.pdf)\n";

describe("files in an article's own folder", () => {
  it("publishes the files an article links to, with type, size and image dimensions", async () => {
    const dir = makeArchive({
      "2024/05/2024-05-06-tz0001/index.md": articleFile({ id: "2024-05-06-tz0001" }, BODY),
      "2024/05/2024-05-06-tz0001/fujian-1.pdf": PDF_BYTES,
      "2024/05/2024-05-06-tz0001/map.png": pngHeader(640, 480),
    });
    const { articles, problems } = await loadArchive(dir);
    expect(problems).toEqual([]);
    const [article] = articles;
    expect(
      article?.attachments.map(({ name, type, bytes, width, height }) => ({ name, type, bytes, width, height })),
    ).toEqual([
      { name: "fujian-1.pdf", type: "PDF", bytes: PDF_BYTES.length, width: undefined, height: undefined },
      { name: "map.png", type: "PNG", bytes: 33, width: 640, height: 480 },
    ]);
    const { html } = bodyView(article!.meta, article!.body, "hant", article!.attachments, dir);
    expect(html).toContain('<a href="/files/2024-05-06-tz0001/fujian-1.pdf">實施細則</a>');
    expect(html).toContain(
      '<img src="/files/2024-05-06-tz0001/map.png" alt="示意圖" loading="lazy" width="640" height="480">',
    );
  });

  it("reports missing, unlinked, unsafe and badly named files, and files with no article of their own", async () => {
    const dir = makeArchive({
      "a/index.md": articleFile({ id: "2024-05-06-aaaaaa" }, "见[附件](missing.pdf)和[另一个](page.html)。\n"),
      "a/page.html": "<script>alert(1)</script>",
      "a/unlinked.docx": "word",
      "b/index.md": articleFile({ id: "2024-05-06-bbbbbb" }, "![图](logo.svg)[表](附件一.xlsx)\n"),
      "b/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      "b/附件一.xlsx": "table",
      "c/notes.txt": "no article here",
      "d/one.md": articleFile({ id: "2024-05-06-dddddd" }),
      "d/two.md": articleFile({ id: "2024-05-06-eeeeee" }),
      "d/shared.pdf": PDF_BYTES,
    });
    const { problems } = await loadArchive(dir);
    const messages = problems.map(({ file, message }) => `${file.slice(dir.length + "/articles/".length)}: ${message}`);
    const expected = [
      /^a\/index\.md: links to "missing\.pdf", which is not a file in the article's folder/,
      /^a\/page\.html: a \.html file cannot be published/,
      /^a\/unlinked\.docx: not linked from the article/,
      /^b\/logo\.svg: the SVG image carries script/,
      /^b\/附件一\.xlsx: rename the file with letters, digits/,
      /^c\/notes\.txt: not a Markdown file, and there is no article in its folder/,
      /^d\/shared\.pdf: not a Markdown file, and its folder holds 2 articles/,
    ];
    for (const pattern of expected)
      expect(
        messages.some((message) => pattern.test(message)),
        String(pattern),
      ).toBe(true);
    expect(messages).toHaveLength(expected.length);
  });
});
