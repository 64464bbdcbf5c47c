import type { Root } from "hast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { createConverter, type Converter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../../../src/lib/script/direction.ts";
import { convertTree, KEEP_SANITIZE_ATTRIBUTES } from "../../../src/lib/script/tree.ts";

// The same pipeline the pages use: Markdown to a sanitised hast tree, then convertTree.
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.["span"] ?? []), ...KEEP_SANITIZE_ATTRIBUTES.span],
    div: [...(defaultSchema.attributes?.["div"] ?? []), ...KEEP_SANITIZE_ATTRIBUTES.div],
  },
};

function render(markdown: string, converter: Converter): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    .use(() => (tree: Root) => convertTree(tree, converter))
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

const toHant = createConverter(TO_HANT);

describe("convertTree", () => {
  it("converts text, alt text and titles but never URLs, file names or code", () => {
    const html = render(
      [
        '[发展报告](https://example.cn/发展/后记?q=发展 "发展标题")与![头发](/img/头发.png)',
        "",
        "行内代码 `关于发展` 保持原样。",
        "",
        "```js",
        "const 发展 = '后来';",
        "```",
      ].join("\n"),
      toHant,
    );
    expect(html).toContain(
      '<a href="https://example.cn/%E5%8F%91%E5%B1%95/%E5%90%8E%E8%AE%B0?q=%E5%8F%91%E5%B1%95" title="發展標題">發展報告</a>與',
    );
    expect(html).toContain('alt="頭髮"');
    expect(html).toContain('src="/img/%E5%A4%B4%E5%8F%91.png"');
    expect(html).toContain("<code>关于发展</code>");
    expect(html).toContain("const 发展 = '后来';");
    expect(html).toContain("行內代碼");
  });

  it('keeps text inside translate="no" as written, and passes the sanitiser', () => {
    const html = render('他引用了<span translate="no">“关于发展的若干意见”</span>，随后发言。', toHant);
    expect(html).toBe('<p>他引用了<span translate="no">“关于发展的若干意见”</span>，隨後發言。</p>');
    const block = render('<div translate="no">\n\n于丹谈于是\n\n</div>\n\n于是', toHant);
    expect(block).toContain("<p>于丹谈于是</p>");
    expect(block).toContain("<p>於是</p>");
  });

  it("does not honour other values of translate, nor keep classes the sanitiser drops", () => {
    const html = render('<span translate="yes">以后</span><span class="keep">以后</span>', toHant);
    expect(html).toBe("<p><span>以後</span><span>以後</span></p>");
  });

  it("reads a word across inline markup, so 新<strong>征程</strong> is still 新征程", () => {
    expect(render("踏上新**征程**", toHant)).toBe("<p>踏上新<strong>征程</strong></p>");
    expect(render("头**发**", toHant)).toBe("<p>頭<strong>髮</strong></p>");
    // Without joining, 发 alone would become 發.
    expect(render("头\n\n**发**", toHant)).toBe("<p>頭</p>\n<p><strong>發</strong></p>");
  });

  it("splits a replacement of another length between nodes without losing text", () => {
    const converter = toHant.withRules({ pairs: [{ hans: "数据", hant: "資料（數據）" }] });
    expect(render("数*据*安全", converter)).toBe("<p>資料（數據）<em></em>安全</p>");
  });

  it("converts both ways and leaves element structure alone", () => {
    const html = render("| 项目 | 说明 |\n| --- | --- |\n| 干部 | 头发 |", toHant);
    expect(html).toContain("<th>項目</th>");
    expect(html).toContain("<td>幹部</td>");
    expect(html).toContain("<td>頭髮</td>");
    expect(render("這裡的**頭髮**", createConverter(TO_HANS))).toBe("<p>这里的<strong>头发</strong></p>");
  });
});
