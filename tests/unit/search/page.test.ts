import { describe, expect, it } from "vitest";
import { pageFacts, pageText } from "../../../src/lib/search/page.ts";

const article = (body: string) =>
  `<!DOCTYPE html><html lang="zh-Hant"><head><style>p{x:"乡"}</style></head><body>${body}<script>var t="发"</script></body></html>`;

describe("reading built article pages", () => {
  it("finds the language, the date sort value and the calendar day the page shows", () => {
    // 07:41 in China on 4 March is still 3 March in UTC: the day is the one readers see.
    const html = article(
      `<header data-pagefind-body><h1>標題</h1></header><span hidden data-pagefind-sort="date:2020-03-03T23:41:00.000Z" data-pagefind-meta="date:2020-03-04"></span>`,
    );
    expect(pageFacts(html)).toEqual({ lang: "zh-hant", sortValue: "2020-03-03T23:41:00.000Z", day: "2020-03-04" });
  });

  it("says what is missing from a page that cannot be indexed", () => {
    expect(pageFacts(article(`<h1>標題</h1>`))).toEqual({ missing: "a data-pagefind-body element" });
    expect(pageFacts(article(`<div data-pagefind-body>正文</div>`))).toEqual({
      missing: 'a data-pagefind-sort="date:…" attribute',
    });
    expect(
      pageFacts(article(`<div data-pagefind-body>正文</div><span data-pagefind-sort="date:2020-03-03T23:41:00.000Z">`)),
    ).toEqual({ missing: 'a data-pagefind-meta="date:YYYY-MM-DD" attribute' });
  });

  it("takes the visible text only, with entities decoded", () => {
    const text = pageText(article(`<p>脫貧&amp;攻堅&#x3000;&#21152;</p>`));
    expect(text).toContain("脫貧&攻堅\u3000加");
    expect(text).not.toContain("乡");
    expect(text).not.toContain("发");
  });
});
