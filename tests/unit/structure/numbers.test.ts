import { describe, expect, it } from "vitest";
import { readXwlbItems } from "../../../bench/fixtures.ts";
import { numberUnitPieces } from "../../../src/lib/markdown/numbers.ts";
import { renderMarkdown } from "../../../src/lib/markdown/render.ts";
import { bodyView } from "../../../src/lib/article/view.ts";
import { ROOT } from "../../helpers/archive.ts";
import { hasCorpus } from "../../helpers/corpus.ts";
import { meta } from "../../helpers/meta.ts";

const kept = (text: string) =>
  numberUnitPieces(text)
    .filter((piece) => piece.keep)
    .map((piece) => piece.text);

describe("numbers kept with their unit", () => {
  it("keeps a number with the character after it", () => {
    expect(kept("春运期间发送旅客突破3亿人次")).toEqual(["3亿"]);
    expect(kept("9月30日0—24时，新增确诊病例172例")).toEqual(["9月", "30日", "24时", "172例"]);
    expect(kept("增长5.2%，同比提高0.5个百分点")).toEqual(["5.2%", "0.5个"]);
    expect(kept("投资1,234.5亿元")).toEqual(["1,234.5亿"]);
  });

  it("gives back the text unchanged when joined", () => {
    const text = "截至2月底，福建累计建成高标准农田940万亩，零散的小耕地逐步形成现代高效农田。";
    expect(
      numberUnitPieces(text)
        .map((piece) => piece.text)
        .join(""),
    ).toBe(text);
  });

  it("leaves numbers without a unit and text without numbers alone", () => {
    expect(kept("第 3 号")).toEqual([]);
    expect(kept("COVID-19 and 5G")).toEqual([]);
    expect(numberUnitPieces("没有数字。")).toEqual([{ text: "没有数字。", keep: false }]);
  });

  it("wraps them in a no-break span in a rendered body, but not inside code", () => {
    const html = renderMarkdown("突破3亿人次。\n\n`3亿`");
    expect(html).toContain('突破<span class="nb">3亿</span>人次。');
    expect(html).toContain("<code>3亿</code>");
  });

  it("changes no conversion: the text of a converted page is the same with or without the spans", () => {
    const article = meta({ id: "2024-01-02-num001", title: "标题", date: "2024-01-02", script: "hans" });
    const { html } = bodyView(article, "全年发送旅客10余亿人次，比上年增长3.5%。\n", "hant", [], `${ROOT}/content`);
    expect(html).toContain('<span class="nb">10餘</span>億人次');
    expect(html.replace(/<[^>]+>/g, "")).toBe("全年發送旅客10餘億人次，比上年增長3.5%。");
  });
});

describe.skipIf(!hasCorpus)("numbers in real news text", () => {
  it("leaves no number apart from the character after it in the first 300 news items", () => {
    let spans = 0;
    for (const item of readXwlbItems(300)) {
      const html = renderMarkdown(item.html);
      spans += [...html.matchAll(/<span class="nb">/g)].length;
      const outside = html.replace(/<span class="nb">[^<]*<\/span>/g, "");
      expect(outside, item.title).not.toMatch(/[0-9]\p{Script=Han}/u);
    }
    expect(spans).toBeGreaterThan(1000);
  });
});
