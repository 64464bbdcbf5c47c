import { describe, expect, it } from "vitest";
import { bodyView, converterFor, viewMeta } from "../../../src/lib/article/view.ts";
import { ROOT } from "../../helpers/archive.ts";
import { meta } from "../../helpers/meta.ts";

const CONTENT = `${ROOT}/content`;
const BODY = [
  "## 第一章 总则\n\n第一条 为了规范发展，制定本办法。",
  "## 第二章 适用\n\n第二条 本办法适用于国务院各部门。",
  "## 第三章 附则\n\n第三条 本办法由国务院办公厅负责解释。\n",
].join("\n\n");
const notice = (id: string, script: "hans" | "hant") =>
  meta({ id, title: "通知", date: id.slice(0, 10), script, source: "中国政府网" });
const SIMPLIFIED = notice("2024-01-05-gf0001", "hans");
const TRADITIONAL = notice("2024-01-06-gf0002", "hant");
const OTHER = notice("2024-01-07-gf0003", "hans");

/** Makes another article's page first, so that nothing of the article under test is kept. */
function freshly<T>(make: () => T): T {
  bodyView(OTHER, "另一篇文章。\n", "hans", [], CONTENT);
  return make();
}

describe("an article's body in both scripts", () => {
  it("is the same whichever script's page is made first", () => {
    const convertedAlone = freshly(() => bodyView(SIMPLIFIED, BODY, "hant", [], CONTENT));
    const originalAlone = freshly(() => bodyView(SIMPLIFIED, BODY, "hans", [], CONTENT));
    expect(convertedAlone.html).toContain("本辦法適用於國務院各部門");
    expect(originalAlone.html).toContain("本办法适用于国务院各部门");

    const originalFirst = freshly(() => bodyView(SIMPLIFIED, BODY, "hans", [], CONTENT));
    const convertedSecond = bodyView(SIMPLIFIED, BODY, "hant", [], CONTENT);
    expect(originalFirst).toEqual(originalAlone);
    expect(convertedSecond).toEqual(convertedAlone);

    const convertedFirst = freshly(() => bodyView(SIMPLIFIED, BODY, "hant", [], CONTENT));
    const originalSecond = bodyView(SIMPLIFIED, BODY, "hans", [], CONTENT);
    expect(convertedFirst).toEqual(convertedAlone);
    expect(originalSecond).toEqual(originalAlone);
    expect(originalSecond.outline.map((entry) => entry.text)).toEqual(["第一章 总则", "第二章 适用", "第三章 附则"]);
    expect(convertedSecond.outline.map((entry) => entry.text)).toEqual(["第一章 總則", "第二章 適用", "第三章 附則"]);
    expect(convertedSecond.hasClauses).toBe(true);
  });

  it("is converted for a Traditional original's Simplified page, made first or second", () => {
    const body = "第一条 為了規範發展，制定本辦法。\n";
    const alone = freshly(() => bodyView(TRADITIONAL, body, "hans", [], CONTENT));
    expect(alone.html).toContain("为了规范发展");
    expect(bodyView(TRADITIONAL, body, "hant", [], CONTENT).html).toContain("為了規範發展");
    expect(bodyView(TRADITIONAL, body, "hans", [], CONTENT)).toEqual(alone);
  });

  it("shows an edited body, not the one made before it", () => {
    bodyView(SIMPLIFIED, BODY, "hans", [], CONTENT);
    const edited = bodyView(SIMPLIFIED, `${BODY}\n第四条 本办法自发布之日起施行。\n`, "hant", [], CONTENT);
    expect(edited.html).toContain("本辦法自發佈之日起施行");
    expect(bodyView(SIMPLIFIED, "第一条 新的正文。\n", "hans", [], CONTENT).html).not.toContain("本办法");
  });
});

describe("the names an article knows", () => {
  const story = meta({
    id: "2024-03-02-xw0001",
    title: "范长龙在八角中里社区调研",
    date: "2024-03-02",
    script: "hans",
    persons: ["范长龙"],
    places: ["八角中里"],
  });
  const body = "范长龙来到北京市朝阳区八角中里社区。\n";

  it("are written as names on the converted page, title and body", () => {
    expect(viewMeta(story, "hant", CONTENT).title).toBe("范長龍在八角中里社區調研");
    expect(freshly(() => bodyView(story, body, "hant", [], CONTENT)).html).toContain(
      "范長龍來到北京市朝陽區八角中里社區",
    );
  });

  it("can be given beside the front matter's, as found in the text", () => {
    const unnamed = { ...story, persons: [], places: [] };
    const found = converterFor(unnamed, "hant", CONTENT, {
      persons: ["范长龙"],
      places: ["八角中里"],
      organizations: [],
    });
    expect(found?.convert(body)).toBe("范長龍來到北京市朝陽區八角中里社區。\n");
    expect(converterFor(unnamed, "hant", CONTENT)?.convert(body)).toBe("範長龍來到北京市朝陽區八角中裡社區。\n");
  });
});
