import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { finishDraft } from "../../../src/lib/import/article.ts";
import { decodeInput } from "../../../src/lib/import/decode.ts";
import { htmlFragmentToMarkdown, looksLikeHtml, readHtmlPage } from "../../../src/lib/import/html.ts";
import { SAMPLE_AS_IMPORTED, TAIYUAN } from "./helpers.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** The copy's pinyin annotations as the page had them: ruby over the character. */
const ruby = (text: string) =>
  escape(text).replace(
    /(\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/gu,
    "<ruby>$1<rp>(</rp><rt>$2</rt><rp>)</rp></ruby>",
  );

/** A saved news page rebuilt from the Taiyuan copy: its lines in the places such a page puts them. */
function taiyuanPage(): string {
  const [crumb = "", kicker = "", title = "", subtitle = "", byline = "", ...rest] = readFileSync(TAIYUAN, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const editor = rest.pop() ?? "";
  const plain = (line: string) => line.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu, "");
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(plain(title))}_綜合新聞_太原新聞網</title>
<script>var tracker = "(dāng)";</script><style>p { text-indent: 2em }</style></head>
<body>
<div class="logo"><h1><a href="/"><img src="/logo.png" alt="太原新聞網"></a>太原新聞網</h1></div>
<nav><a href="/">首頁</a> <a href="/news/">新聞</a></nav>
<div class="location">${ruby(crumb)}</div>
<div class="article">
  <h3>${ruby(kicker)}</h3>
  <h1>${ruby(title)}</h1>
  <h2>${ruby(subtitle)}</h2>
  <div class="info">${ruby(byline)}</div>
  <div class="TRS_Editor">
${rest.map((line) => `    <p>${ruby(line.replace(/^ +/, "\u3000\u3000"))}</p>`).join("\n")}
    <p>${ruby(editor)}</p>
  </div>
  <div class="share">分享到：微信 微博</div>
</div>
<div class="footer">版權所有 太原新聞網</div>
</body></html>`;
}

describe("readHtmlPage", () => {
  it.skipIf(!hasCorpus)("imports a saved page of the Taiyuan article to exactly the sample article", () => {
    const finished = finishDraft(readHtmlPage(taiyuanPage()));
    if (!finished.ok) throw new Error(finished.problems.join("\n"));
    expect(finished.article.text).toBe(SAMPLE_AS_IMPORTED);
  });

  it.skipIf(!hasCorpus)("reads a page in the encoding it declares", () => {
    const page = taiyuanPage().replace('charset="utf-8"', 'charset="big5"');
    const text = decodeInput(iconv.encode(page, "big5"), { html: true });
    expect(readHtmlPage(text).fields.title).toBe("全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開");
  });

  it("falls back on meta tags and the <title> when the page shows no headline or byline", () => {
    const draft = readHtmlPage(`<html><head>
      <title>國務院關於印發通知的通知 - 中國政府網</title>
      <meta name="PubDate" content="2020-03-04 10:15">
      <meta name="ContentSource" content="國務院辦公廳">
      <meta property="og:site_name" content="中國政府網">
      <meta name="ColumnName" content="政策">
      <meta property="og:url" content="https://www.gov.cn/zhengce/2020-03/04/content_1.htm">
      </head><body><div id="UCAP-CONTENT"><p>各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：</p>
      <p>現將有關事項通知如下。</p></div></body></html>`);
    expect(draft.fields).toEqual({
      title: "國務院關於印發通知的通知",
      date: "2020-03-04T10:15:00+08:00",
      source: "國務院辦公廳",
      publisher: "中國政府網",
      section: "政策",
      url: "https://www.gov.cn/zhengce/2020-03/04/content_1.htm",
    });
    expect(draft.body).toBe("各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：\n\n現將有關事項通知如下。\n");
  });

  it("makes links and images absolute against the page's address and warns about images", () => {
    const draft =
      readHtmlPage(`<html><head><link rel="canonical" href="https://news.example.cn/a/b/1.html"></head><body>
      <h1>標題</h1><div class="content"><p>詳見<a href="../c/2.html">附件</a>。</p><p><img src="/img/1.jpg" alt="圖"></p></div></body></html>`);
    expect(draft.body).toBe(
      "詳見[附件](https://news.example.cn/a/c/2.html)。\n\n![圖](https://news.example.cn/img/1.jpg)\n",
    );
    expect(draft.fields.url).toBe("https://news.example.cn/a/b/1.html");
    expect(draft.warnings.map((w) => w.message).join()).toMatch(/1 image/);
  });
});

describe("HTML bodies", () => {
  const md = (html: string) => htmlFragmentToMarkdown(html, (line) => line).markdown;

  it("keeps bold text readable where CommonMark would need an escape", () => {
    expect(md("<p><strong>“重要”</strong>內容</p>")).toBe("“**重要**”內容\n");
    expect(md("<p><strong>央视网消息</strong>（新闻联播）：正文</p>")).toBe("**央视网消息**（新闻联播）：正文\n");
  });

  it("turns <br><br> into a paragraph break and a single <br> into a line break", () => {
    expect(md("<div>第一段<br><br>\u3000\u3000第二段<br>第二段次行</div>")).toBe("第一段\n\n第二段\\\n第二段次行\n");
  });

  it("drops a trailing <br> and joins lines the HTML source wrapped", () => {
    expect(md("<p><strong>標題</strong><br></p><p>全省\n  脫貧</p>")).toBe("**標題**\n\n全省脫貧\n");
  });

  it("drops scripts, styles and ruby annotations, and cleans the text", () => {
    expect(
      md("<p>&nbsp;&nbsp;當<ruby>前<rt>qián</rt></ruby>,關(guān)于<script>x()</script><style>p{}</style></p>"),
    ).toBe("當前，關于\n");
  });

  it("leaves out page widgets at the start and end of a body, keeps the editor and names each line", () => {
    const result = htmlFragmentToMarkdown(
      [
        "<p>【字体：大 中 小】【打印】</p>",
        "<p>第一段，写到微信和微博。</p>",
        "<p>分享到</p>",
        "<p>最后一段。</p>",
        "<p>扫一扫在手机打开当前页</p>",
        "<p>（责任编辑：张三）</p>",
        "<p>【关闭窗口】</p>",
      ].join("\n"),
      (line) => `body line ${line}`,
    );
    expect(result.markdown).toBe("第一段，写到微信和微博。\n\n分享到\n\n最后一段。\n");
    expect("editor" in result && result.editor).toBe("张三");
    expect(result.warnings.map((warning) => warning.where).sort()).toEqual([
      "body line 1",
      "body line 5",
      "body line 7",
    ]);
  });

  it("tells HTML bodies from Markdown ones", () => {
    expect(looksLikeHtml("<p>正文</p>")).toBe(true);
    expect(looksLikeHtml("  <div class=x>正文</div>")).toBe(true);
    expect(looksLikeHtml("正文 <b>粗</b>")).toBe(false);
    expect(looksLikeHtml("**正文**")).toBe(false);
  });
});
