import { describe, expect, it } from "vitest";
import { addressSpans, toFullWidthPunctuation } from "../../../src/lib/cleanup/punctuation.ts";

const fix = (text: string) => toFullWidthPunctuation(text).text;

describe("toFullWidthPunctuation: Chinese text gets full-width marks", () => {
  it.each([
    ["3月3日,全省脫貧攻堅", "3月3日，全省脫貧攻堅"],
    ["來源:山西日報 作者:李全宏", "來源：山西日報 作者：李全宏"],
    ["您當前的位置 : 太原", "您當前的位置：太原"],
    ["太原新聞網(太原日報報業集團) >> 綜合新聞", "太原新聞網（太原日報報業集團）>> 綜合新聞"],
    ["一是加强领导;二是狠抓落实。", "一是加强领导；二是狠抓落实。"],
    ["怎么办?", "怎么办？"],
    ["太好了!", "太好了！"],
    ["真的吗?!我", "真的吗？！我"],
    ['他说"你好"。', "他说“你好”。"],
    ['强化"交总账"和"军令状"意识', "强化“交总账”和“军令状”意识"],
    ['他问:"怎么办?"', "他问：“怎么办？”"],
    ['“交總賬"和', "“交總賬”和"], // a copy that changed only the closing quote
    ["(1)加强组织领导", "（1）加强组织领导"],
    ["今天(10月1日),北京", "今天（10月1日），北京"],
    ["GDP(国内生产总值)增长", "GDP（国内生产总值）增长"],
    ["中国(China)", "中国（China）"],
    ["增长3.5%,其中", "增长3.5%，其中"],
    ['“兩不愁三保障",飲水', "“兩不愁三保障”，飲水"],
    ["时间:07:41", "时间：07:41"],
    ["Hello, 世界", "Hello，世界"],
    ["（第四号)", "（第四号）"], // half of a pair already full width
    ["详见http://www.gov.cn/a,了解", "详见http://www.gov.cn/a，了解"],
    ["发邮件至abc@example.com,谢谢", "发邮件至abc@example.com，谢谢"],
    ["𠮷(甲)", "𠮷（甲）"], // a character outside the Basic Multilingual Plane
  ])("%s -> %s", (input, expected) => {
    expect(fix(input)).toBe(expected);
  });

  it("counts the marks it converted", () => {
    expect(toFullWidthPunctuation('他问:"怎么办?"').count).toBe(4);
  });
});

describe("toFullWidthPunctuation: numbers, times, addresses and Latin text keep theirs", () => {
  it.each([
    "共1,000人",
    "3.5%",
    "2020年03月04日 07:41",
    "07:41:30",
    "比分3:1",
    "第1,2条",
    "A,B,C公司",
    "http://www.gov.cn/zhengce/content/2020-03/04/content_5486.htm?a=1,2&b=(3)",
    "https://example.com/path:x;y!z",
    "写信给 zhang.san@example.com",
    'He said "hello", then left.',
    "f(x) = 2",
    "Hello, world!",
    "English: yes; no?",
    "（已经全角）",
    "",
  ])("%s", (input) => {
    expect(toFullWidthPunctuation(input)).toEqual({ text: input, count: 0 });
  });

  it("leaves spans it is told to keep", () => {
    const text = "記者說?!睍這是";
    const start = text.indexOf("?");
    expect(fix(text)).toBe("記者說？！睍這是");
    expect(toFullWidthPunctuation(text, [{ start, end: start + 3 }]).text).toBe(text);
  });
});

describe("addressSpans", () => {
  it("finds web and e-mail addresses without the punctuation that ends a clause", () => {
    const text = "见http://x.cn/a?b=1,了解(详见https://y.cn/c)和www.gov.cn.";
    const found = addressSpans(text).map(({ start, end }) => text.slice(start, end));
    expect(found).toEqual(["http://x.cn/a?b=1", "https://y.cn/c", "www.gov.cn"]);
  });
});
