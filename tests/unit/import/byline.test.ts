import { describe, expect, it } from "vitest";
import {
  parseBreadcrumb,
  parseByline,
  parseDateText,
  parseEditorLine,
  splitEditorTail,
  splitNames,
} from "../../../src/lib/import/byline.ts";
import { assignHeadlines } from "../../../src/lib/import/headline.ts";

describe("parseByline", () => {
  it.each([
    [
      "來源：山西日報 作者：李全宏 2020年03月04日 07:41",
      { source: "山西日報", authors: ["李全宏"], date: "2020-03-04 07:41" },
    ],
    ["来源：新华社", { source: "新华社" }],
    ["發佈時間：2020-03-04 07:41:30 來源：人民日報", { source: "人民日報", date: "2020-03-04 07:41:30" }],
    ["发布时间：2020年3月4日", { date: "2020-03-04" }],
    ["2020-03-04 07:41 | 来源：新华网 | 【字号：大 中 小】", { source: "新华网", date: "2020-03-04 07:41" }],
    ["2020年3月4日", { date: "2020-03-04" }],
    ["2020/3/4 9:05", { date: "2020-03-04 09:05" }],
    ["日期：2020.03.04", { date: "2020-03-04" }],
    ["时间：2020年3月4日 7时41分 来源：中国政府网", { source: "中国政府网", date: "2020-03-04 07:41" }],
    ["作者：张三 李四 责任编辑：王五", { authors: ["张三", "李四"], editor: "王五" }],
    ["作者：张三、李四", { authors: ["张三", "李四"] }],
    ["記者：本報記者 王成", { authors: ["王成"] }],
    ["来源: 新华社 2020-03-04 浏览次数：1234", { source: "新华社", date: "2020-03-04" }],
  ])("%s", (line, expected) => {
    expect(parseByline(line)).toEqual(expected);
  });

  it.each([
    "2020年3月3日，全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开，会议传达了省委书记的重要讲话精神。",
    "3月3日，全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開。",
    "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
    "2020-02-30", // no such day
    "",
  ])("is not a byline: %s", (line) => {
    expect(parseByline(line)).toBeUndefined();
  });
});

describe("dates and names", () => {
  it.each([
    ["2020年03月04日 07:41", "2020-03-04 07:41"],
    ["2020-3-4", "2020-03-04"],
    ["2020-03-04T07:41", "2020-03-04 07:41"],
    ["发布于 2020.3.4", "2020-03-04"],
    ["2020年13月1日", undefined],
    ["三月四日", undefined],
  ])("%s -> %s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it("splits names on spaces, 、 and commas", () => {
    expect(splitNames("李全宏 王成、林武，樓陽生")).toEqual(["李全宏", "王成", "林武", "樓陽生"]);
  });
});

describe("parseBreadcrumb", () => {
  it.each([
    [
      "您當前的位置：太原新聞網（太原日報報業集團）>> 綜合新聞",
      { publisher: "太原新聞網（太原日報報業集團）", section: "綜合新聞" },
    ],
    ["当前位置：首页 > 新闻 > 综合新闻", { section: "综合新闻" }],
    ["首页 > 政策 > 最新政策", { section: "最新政策" }],
    ["中国政府网 » 政策 » 国务院文件", { publisher: "中国政府网", section: "国务院文件" }],
    ["您现在的位置：新华网 > 时政", { publisher: "新华网", section: "时政" }],
  ])("%s", (line, expected) => {
    expect(parseBreadcrumb(line)).toEqual(expected);
  });

  it.each([
    "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
    "樓陽生對脫貧攻堅提出要求",
    "比较 2>1 的结果说明了一切问题，这是一个很长的句子用来测试",
  ])("is not a breadcrumb: %s", (line) => {
    expect(parseBreadcrumb(line)).toBeUndefined();
  });
});

describe("editor lines", () => {
  it.each([
    ["（責編：田洲）", "田洲"],
    ["(责编:张三)", "张三"],
    ["责任编辑：李四", "李四"],
    ["【責任編輯：王五】", "王五"],
    ["[编辑：赵六]", "赵六"],
  ])("%s -> %s", (line, editor) => {
    expect(parseEditorLine(line)).toBe(editor);
  });

  it("is not fooled by a sentence about editors", () => {
    expect(parseEditorLine("编辑是一门手艺。")).toBeUndefined();
  });

  it("splits an editor note off the end of a paragraph", () => {
    expect(splitEditorTail("確保脫貧攻堅全面收官。（責編：田洲）")).toEqual({
      text: "確保脫貧攻堅全面收官。",
      editor: "田洲",
    });
    expect(splitEditorTail("（責編：田洲）")).toBeUndefined();
    expect(splitEditorTail("全面收官。")).toBeUndefined();
  });
});

describe("assignHeadlines", () => {
  it("reads three lines as kicker, title, subtitle", () => {
    expect(
      assignHeadlines(["樓陽生對脫貧攻堅提出要求", "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開", "林武作批示"]),
    ).toEqual({
      kicker: "樓陽生對脫貧攻堅提出要求",
      title: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
      subtitle: "林武作批示",
    });
  });

  it("reads one line as the title", () => {
    expect(assignHeadlines(["國務院關於印發通知"])).toEqual({ title: "國務院關於印發通知" });
    expect(assignHeadlines([])).toBeUndefined();
  });

  it("takes a dash-led second line for a subtitle", () => {
    expect(assignHeadlines(["短標題", "——記一位長期扎根基層的鄉村教師的感人故事"])).toEqual({
      title: "短標題",
      subtitle: "——記一位長期扎根基層的鄉村教師的感人故事",
    });
  });

  it("takes the longer of two lines for the title, and says it guessed", () => {
    expect(
      assignHeadlines(["樓陽生對脫貧攻堅提出要求", "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開"]),
    ).toMatchObject({
      kicker: "樓陽生對脫貧攻堅提出要求",
      title: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
    });
    const second = assignHeadlines(["全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開", "林武作批示"]);
    expect(second).toMatchObject({ title: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開", subtitle: "林武作批示" });
    expect(second?.guess).toBeTruthy();
  });
});
