import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readXwlbItems } from "../../../bench/fixtures.ts";
import { articleDescription } from "../../../src/lib/article/description.ts";
import { bodyView } from "../../../src/lib/article/view.ts";
import { parseBody } from "../../../src/lib/markdown/render.ts";
import { blockTexts } from "../../../src/lib/markdown/blocks.ts";
import { ROOT, SAMPLE_ARTICLE } from "../../helpers/archive.ts";
import { hasCorpus } from "../../helpers/corpus.ts";
import { readLaw } from "../../helpers/laws.ts";
import { sampleMeta } from "../../helpers/meta.ts";

const describeText = (markdown: string, title: string) => articleDescription(blockTexts(parseBody(markdown)), title);
const length = (text: string) => [...text].length;

describe.skipIf(!hasCorpus)("an article's description, from its own first sentences", () => {
  const items = hasCorpus ? readXwlbItems(2500) : [];
  const item = (title: string) => {
    const found = items.find((each) => each.title === title);
    if (!found) throw new Error(`no item ${title}`);
    return found;
  };

  it("keeps the whole sentences that fit in 120 characters", () => {
    const { html, title } = item("1-2月份国民经济企稳回升");
    const description = describeText(html, title);
    expect(description).toBe(
      "央视网消息（新闻联播）：在国务院新闻办今天（3月15日）举行的发布会上，国家统计局发布的数据显示，1—2月份，" +
        "国内生产需求明显改善，就业物价总体稳定，市场预期加快好转，经济运行呈现企稳回升态势。今年前两个月，生产需求回升向好。",
    );
  });

  it("skips a law's repeated title and chapter heading and starts at its first clause", () => {
    const law = readLaw("DLC/上海地方法规/地方性法规/上海/上海市实施《义务教育法》办法(2024-09-27).md");
    const description = describeText(law.body, law.title);
    expect(description).toMatch(/^第一条 为了保障适龄儿童、少年享有平等接受义务教育的权利，/);
    expect(description).toMatch(/结合本市实际，制定本办法。$/);
    expect(description).not.toContain("总 则");
  });

  it("leaves out a sub-heading between paragraphs rather than run it into the text", () => {
    const { html, title } = item("【二十大代表风采】傅平均：做乡村振兴的“领头雁” 路丙辉：为党育人 为国育才");
    const description = describeText(html, title);
    expect(description.startsWith("央视网消息（新闻联播）：今天（10月1日）的《二十大代表风采》")).toBe(true);
    expect(description).not.toContain("“领头雁”这是");
  });

  it("cuts a first sentence longer than 120 characters at a comma, with an ellipsis", () => {
    const long = items.find((each) => {
      const first = /<p>(.*?)<\/p>/s.exec(each.html)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
      return length(first.split("。")[0] ?? "") > 130;
    });
    if (!long) throw new Error("no item with a first sentence over 130 characters");
    const description = describeText(long.html, long.title);
    expect(description.endsWith("…")).toBe(true);
    expect(length(description)).toBeLessThanOrEqual(120);
    expect(long.html.replace(/<[^>]+>/g, "")).toContain(`${description.slice(0, -1)}，`);
  });

  it("never runs past 120 characters on the first 2,500 news items", () => {
    const lengths = items.map((each) => length(describeText(each.html, each.title)));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(120);
    expect(lengths.filter((n) => n < 20)).toHaveLength(0);
  });
});

describe("an article's description in both scripts", () => {
  const sample = readFileSync(SAMPLE_ARTICLE, "utf8").replace(/^---[\s\S]*?---\n/, "");
  const meta = sampleMeta();

  it("is read from the page's own text: the Traditional original and its Simplified conversion", () => {
    const original = bodyView(meta, sample, "hant", [], `${ROOT}/content`).description;
    const converted = bodyView(meta, sample, "hans", [], `${ROOT}/content`).description;
    expect(original.startsWith("3月3日，全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開。")).toBe(true);
    expect(converted.startsWith("3月3日，全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开。")).toBe(true);
    expect(length(original)).toBe(length(converted));
  });
});

describe("the cut", () => {
  it("takes a half-width full stop for a sentence end only before a space, not inside a number", () => {
    const description = articleDescription([`增长3.5个百分点${"，数字".repeat(60)}`], "标题");
    expect(description.startsWith("增长3.5个百分点，数字")).toBe(true);
    expect(description.endsWith("数字…")).toBe(true);
  });
});
