import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { finishDraft } from "../../../src/lib/import/article.ts";
import { htmlFragmentToMarkdown } from "../../../src/lib/import/html.ts";
import { readRawCopy } from "../../../src/lib/import/raw.ts";
import { PAGE_WIDGETS, pageWidgetsOf } from "../../../src/lib/import/widgets.ts";
import { ROOT } from "./helpers.ts";
import { xwlbItems } from "./xwlb.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const lines = (...text: string[]) => text.join("\n");

function imported(copy: string) {
  const finished = finishDraft(readRawCopy(copy));
  if (!finished.ok) throw new Error(finished.problems.join("\n"));
  return finished.article;
}

describe("page widgets in a raw copy", () => {
  it("drops a like widget above the headline instead of taking it as kicker, and says so", () => {
    const article = imported(lines("- +1", "国务院常务会议部署稳就业工作", "来源：新华网 2017-12-04", "会议指出。"));
    expect(article.meta.title).toBe("国务院常务会议部署稳就业工作");
    expect(article.meta.kicker).toBeUndefined();
    expect(article.warnings).toEqual([
      { line: 1, message: "left out «- +1»: page furniture (like and vote buttons), not the article" },
    ]);
  });

  it("drops share bars, print and font switches, QR codes and footers around the article; the editor stays metadata", () => {
    const article = imported(
      lines(
        "首页 > 要闻",
        "分享到： 微信 微博 QQ空间",
        "三行标题的引题",
        "主标题在这里",
        "副标题在这里",
        "来源：人民网 2020-03-04 07:41",
        "【字体：大 中 小】【打印】",
        "第一段，写到微信和微博的使用。",
        "最后一段。",
        "扫一扫在手机打开当前页",
        "（责编：田洲）",
        "【打印本页】 【关闭窗口】",
        "版权所有：人民网 未经授权禁止转载",
        "京ICP备12345678号",
      ),
    );
    expect(article.meta).toMatchObject({
      section: "要闻",
      kicker: "三行标题的引题",
      title: "主标题在这里",
      subtitle: "副标题在这里",
      source: "人民网",
      editor: "田洲",
    });
    expect(article.body).toBe("第一段，写到微信和微博的使用。\n\n最后一段。\n");
    const dropped = article.warnings.map((warning) => warning.line).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(dropped).toEqual([2, 7, 10, 12, 13, 14]);
    expect(article.warnings.find((warning) => warning.line === 13)?.message).toContain("copyright and site footer");
  });

  it.each([
    "打印机行业回暖", // starts with a widget word
    "微信支付上线新功能",
    "中小企业纾困政策发布",
    "2020-1-5",
    "第1版",
    "版权所有人的合法权益受法律保护，任何组织和个人不得侵犯。这是一个长句子，讲的是著作权法的具体规定，包括权利人可以采取的各种措施和救济途径，以及侵权人应当承担的民事责任、行政责任和刑事责任，条文很长。",
  ])("leaves article text that only looks alike: %s", (text) => {
    expect(pageWidgetsOf(text)).toEqual([]);
  });

  it("keeps a widget word in the middle of the body", () => {
    const article = imported(lines("标题", "2020-03-04", "第一段。", "分享到", "最后一段。"));
    expect(article.body).toBe("第一段。\n\n分享到\n\n最后一段。\n");
  });
});

describe.skipIf(!hasCorpus)("page widgets in real article text", () => {
  it("finds none at the start or end of 2,000 xwlb news items", () => {
    const dropped = xwlbItems(2000).flatMap(
      (item) =>
        htmlFragmentToMarkdown(item.html, (line) => line).warnings.filter((warning) =>
          warning.message.startsWith("left out"),
        ).length,
    );
    expect(dropped.reduce((sum, count) => sum + count, 0)).toBe(0);
  });
});

describe("the list of page widgets in docs/import.md", () => {
  /** The rows of the table under the "Page widgets" heading: cells, with the `quoted` entries of each. */
  function documentedRows(): { what: string; quoted: string[][] }[] {
    const doc = readFileSync(path.join(ROOT, "docs/import.md"), "utf8");
    const section = doc.split(/^#+ Page widgets$/m)[1] ?? "";
    const table = section.split("\n\n").find((block) => block.trimStart().startsWith("|")) ?? "";
    return table
      .trim()
      .split("\n")
      .slice(2)
      .map((row) => row.split(/\s\|\s|^\|\s|\s\|$/).filter((cell) => cell !== ""))
      .map(([what = "", ...cells]) => ({
        what: what.trim(),
        quoted: cells.map((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "")),
      }));
  }

  it("shows every widget of the code's list, with all its words, and nothing else", () => {
    expect(documentedRows()).toEqual(
      PAGE_WIDGETS.map((widget) => ({
        what: widget.what,
        quoted: [[...(widget.words ?? [])], [...(widget.starts ?? []), ...(widget.contains ?? [])]],
      })),
    );
  });
});
