import { describe, expect, it } from "vitest";
import { readableExcerpt } from "../../../src/lib/search/excerpt.ts";

/** Pagefind's zero-width word break, as it stands in its excerpts of Chinese text. */
const B = "\u200b";
const words = (...parts: string[]) => parts.join(B);

describe("search excerpts read as Chinese text", () => {
  it("joins a headline to the body with 。 instead of a half-width stop and space", () => {
    const excerpt = `${words("我国", "工业", "经济", "新", "动能", "茁壮", "成长")}${B}. ${words(B + "央视", "网", "消息")}`;
    expect(readableExcerpt(excerpt).replaceAll(B, "")).toBe("我国工业经济新动能茁壮成长。央视网消息");
  });

  it("drops the space Pagefind puts between paragraphs after 。 and after a closing quote", () => {
    const excerpt = `${words("不会", "辜负", "各方", "信任", "。")} ${B}${words("中国", "代表")}`;
    expect(readableExcerpt(excerpt).replaceAll(B, "")).toBe("不会辜负各方信任。中国代表");
    const quoted = `${words("外贸", "“", "保", "稳", "提", "质", "”")} ${B}${words("央视", "网")}`;
    expect(readableExcerpt(quoted).replaceAll(B, "")).toBe("外贸“保稳提质”央视网");
  });

  it("keeps a highlight and the joiner after it", () => {
    const excerpt = `${words("推动", "<mark>经济</mark>")}${B}. ${B}${words("今年", "以来")}`;
    expect(readableExcerpt(excerpt).replaceAll(B, "")).toBe("推动<mark>经济</mark>。今年以来");
  });

  it("leaves a writer's space between Chinese words, decimal numbers and Latin text alone", () => {
    const excerpt = `${words("共护", "一江水")} ${words("万里", "长江")} 增长3. 5 and U.S. trade`;
    expect(readableExcerpt(excerpt)).toBe(excerpt);
  });
});
