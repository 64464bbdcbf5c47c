import { describe, expect, it } from "vitest";
import { viewMeta } from "../../../src/lib/article/view.ts";
import { bibtex } from "../../../src/lib/cite/bibtex.ts";
import { chicago } from "../../../src/lib/cite/chicago.ts";
import { cslJson } from "../../../src/lib/cite/csl.ts";
import { gbt7714 } from "../../../src/lib/cite/gbt7714.ts";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { ris } from "../../../src/lib/cite/ris.ts";
import { meta, sampleMeta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

// Every expected string below was written out by hand from the rules of each format
// (GB/T 7714-2015, Chicago 17th ed., biblatex / gbt7714 entry types, RIS tags, CSL-JSON
// variables), not copied from the code's output.

const TAIYUAN_URL = "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/";
const NOTICE_URL = "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/";

const taiyuan = () => citationItem(sampleMeta(), { url: TAIYUAN_URL, script: "hant" });
/** An unsigned item of CCTV's evening news, filed as the xwlb items are. */
const broadcast = () =>
  citationItem(
    meta({
      id: "2024-01-03-03",
      title: "习近平会见美国总统",
      date: "2024-01-03 19:00",
      script: "hans",
      source: "新闻联播",
      publisher: "央视网",
      section: "国际",
    }),
    { url: "https://example.org/x/", script: "hans", accessed: "2024-03-01" },
  );
const notice = (accessed?: string) =>
  citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans", ...(accessed ? { accessed } : {}) });

describe("kind of outlet", () => {
  it("takes 新闻联播 and other programmes for broadcasts, and a daily for a newspaper", () => {
    const report = (source: string, publisher?: string) =>
      citationItem(
        meta({
          id: "2024-03-01-aaaaaa",
          title: "标题",
          date: "2024-03-01",
          script: "hans",
          source,
          ...(publisher ? { publisher } : {}),
        }),
        { url: "https://example.org/a/", script: "hans" },
      ).medium;
    expect(report("新闻联播", "央视网")).toBe("broadcast");
    expect(report("新聞聯播")).toBe("broadcast");
    expect(report("焦点访谈", "中央广播电视总台")).toBe("broadcast");
    expect(report("中国之声")).toBe("broadcast");
    expect(report("山西日報", "太原新聞網（太原日報報業集團）")).toBe("newspaper");
    expect(taiyuan().medium).toBe("newspaper");
    expect(notice().medium).toBeUndefined();
  });
});

describe("GB/T 7714-2015", () => {
  it("cites the Taiyuan report as a newspaper article read online", () => {
    expect(gbt7714(taiyuan())).toBe(
      "李全宏. 全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開[N/OL]. 山西日報, 2020-03-04. " +
        "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/.",
    );
  });

  it("cites it in Simplified on the Simplified page, with the same permanent link", () => {
    const item = citationItem(viewMeta(sampleMeta(), "hans"), { url: TAIYUAN_URL, script: "hans" });
    expect(gbt7714(item)).toBe(
      "李全宏. 全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开[N/OL]. 山西日报, 2020-03-04. " +
        "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/.",
    );
  });

  it("cites a State Council notice as an official document under its issuing body, its number after the title", () => {
    expect(gbt7714(notice())).toBe(
      "国务院. 国务院关于进一步优化营商环境的通知: 国发〔2024〕1号[A/OL]. (2024-01-05). " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/.",
    );
  });

  it("adds the reader's access date in brackets after the publication date", () => {
    expect(gbt7714(notice("2024-03-01"))).toBe(
      "国务院. 国务院关于进一步优化营商环境的通知: 国发〔2024〕1号[A/OL]. (2024-01-05)[2024-03-01]. " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/.",
    );
    const report = citationItem(sampleMeta(), { url: TAIYUAN_URL, script: "hant", accessed: "2024-03-01" });
    expect(gbt7714(report)).toBe(
      "李全宏. 全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開[N/OL]. 山西日報, 2020-03-04[2024-03-01]. " +
        "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/.",
    );
  });

  it("cites an unsigned item of 新闻联播 under its programme, 央视网 as publisher, not as a newspaper", () => {
    expect(gbt7714(broadcast())).toBe(
      "新闻联播. 习近平会见美国总统[EB/OL]. 央视网, 2024-01-03[2024-03-01]. https://example.org/x/.",
    );
  });

  it("cites a report with no known outlet as an electronic bulletin", () => {
    const item = citationItem(meta({ id: "2024-03-01-aaaaaa", title: "标题", date: "2024-03-01", script: "hans" }), {
      url: "https://example.org/a/",
      script: "hans",
    });
    expect(gbt7714(item)).toBe("标题[EB/OL]. (2024-03-01). https://example.org/a/.");
  });

  it("lists three authors in full and the first three and 等 past that", () => {
    const base = { id: "2024-03-01-aaaaaa", title: "标题", date: "2024-03-01", script: "hans", source: "人民日报" };
    const url = "https://example.org/a/";
    const three = citationItem(meta({ ...base, authors: ["张三", "李四", "王五"] }), { url, script: "hans" });
    const four = citationItem(meta({ ...base, authors: ["张三", "李四", "王五", "赵六"] }), { url, script: "hans" });
    expect(gbt7714(three)).toBe("张三, 李四, 王五. 标题[N/OL]. 人民日报, 2024-03-01. https://example.org/a/.");
    expect(gbt7714(four)).toBe("张三, 李四, 王五, 等. 标题[N/OL]. 人民日报, 2024-03-01. https://example.org/a/.");
  });

  it("starts with the title when a newspaper report names no author", () => {
    const item = citationItem(
      meta({ id: "2024-03-01-aaaaaa", title: "标题", date: "2024-03-01", script: "hans", source: "人民日报" }),
      { url: "https://example.org/a/", script: "hans" },
    );
    expect(gbt7714(item)).toBe("标题[N/OL]. 人民日报, 2024-03-01. https://example.org/a/.");
  });
});

describe("Chicago (17th edition, bibliography)", () => {
  it("cites the Taiyuan report as a newspaper article, the title in quotes, the date in English", () => {
    expect(chicago(taiyuan())).toBe(
      "李全宏. “全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開.” 山西日報, March 4, 2020. " +
        "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/.",
    );
  });

  it("cites the notice by issuing body and document number", () => {
    expect(chicago(notice())).toBe(
      "国务院. “国务院关于进一步优化营商环境的通知.” 国发〔2024〕1号, January 5, 2024. " +
        "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/.",
    );
  });

  it("puts the newspaper first for an unsigned report, and keeps a closing question mark", () => {
    const item = citationItem(
      meta({
        id: "2024-03-01-aaaaaa",
        title: "“两不愁”做到了吗？",
        date: "2024-03-01",
        script: "hans",
        source: "人民日报",
      }),
      { url: "https://example.org/a/", script: "hans" },
    );
    expect(chicago(item)).toBe("人民日报. “‘两不愁’做到了吗？” March 1, 2024. https://example.org/a/.");
  });

  it("cites a broadcast item by title, programme and broadcaster", () => {
    expect(chicago(broadcast())).toBe(
      "“习近平会见美国总统.” 新闻联播. 央视网, January 3, 2024. https://example.org/x/.",
    );
  });

  it("joins four authors with commas and a final and", () => {
    const item = citationItem(
      meta({
        id: "2024-03-01-aaaaaa",
        title: "标题",
        date: "2024-03-01",
        script: "hans",
        source: "人民日报",
        authors: ["张三", "李四", "王五", "赵六"],
      }),
      { url: "https://example.org/a/", script: "hans" },
    );
    expect(chicago(item)).toBe("张三, 李四, 王五, and 赵六. “标题.” 人民日报, March 1, 2024. https://example.org/a/.");
  });
});

describe("BibTeX", () => {
  it("writes the Taiyuan report as biblatex's newspaper article, the name braced whole", () => {
    expect(bibtex(taiyuan())).toBe(
      [
        "@article{2020-03-04-1h89qg,",
        "  author = {{李全宏}},",
        "  title = {全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開},",
        "  journal = {山西日報},",
        "  entrysubtype = {newspaper},",
        "  date = {2020-03-04},",
        "  year = {2020},",
        "  url = {https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes the notice as a report of its issuing body, with its number and type", () => {
    expect(bibtex(notice())).toBe(
      [
        "@report{2024-01-05-gf0001,",
        "  author = {{国务院}},",
        "  title = {国务院关于进一步优化营商环境的通知},",
        "  institution = {{国务院}},",
        "  type = {通知},",
        "  number = {国发〔2024〕1号},",
        "  date = {2024-01-05},",
        "  year = {2024},",
        "  url = {https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("braces each of several issuing bodies and escapes TeX's special characters", () => {
    const item = citationItem(
      meta({
        id: "2024-03-01-aaaaaa",
        title: "关于降低10%费率 & 优化流程的通知",
        date: "2024-03-01",
        script: "hans",
        issuers: ["国家发展改革委", "财政部"],
      }),
      { url: "https://example.org/a/", script: "hans" },
    );
    const entry = bibtex(item);
    expect(entry).toContain("  author = {{国家发展改革委} and {财政部}},\n");
    expect(entry).toContain("  title = {关于降低10\\%费率 \\& 优化流程的通知},\n");
  });

  it("writes a broadcast item as an online entry of its programme and broadcaster", () => {
    expect(bibtex(broadcast())).toBe(
      [
        "@online{2024-01-03-03,",
        "  title = {习近平会见美国总统},",
        "  maintitle = {新闻联播},",
        "  organization = {央视网},",
        "  date = {2024-01-03},",
        "  year = {2024},",
        "  url = {https://example.org/x/},",
        "  urldate = {2024-03-01},",
        "}",
        "",
      ].join("\n"),
    );
  });
});

describe("RIS", () => {
  it("writes the Taiyuan report as NEWS with its full date in Y1, CR LF line ends and a closing ER", () => {
    expect(ris(taiyuan())).toBe(
      [
        "TY  - NEWS",
        "AU  - 李全宏",
        "TI  - 全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
        "T2  - 山西日報",
        "JF  - 山西日報",
        "Y1  - 2020/03/04/",
        "UR  - https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/",
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });

  it("writes the notice as a report of its issuing body with its document number and type", () => {
    expect(ris(notice())).toBe(
      [
        "TY  - RPRT",
        "AU  - 国务院",
        "TI  - 国务院关于进一步优化营商环境的通知",
        "PB  - 国务院",
        "SN  - 国发〔2024〕1号",
        "M3  - 通知",
        "PY  - 2024",
        "DA  - 2024/01/05/",
        "UR  - https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/",
        "LA  - zh-Hans",
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });
});

describe("RIS for broadcasts", () => {
  it("writes a broadcast item as MPCT, the programme in T2 and the broadcaster in PB", () => {
    expect(ris(broadcast())).toBe(
      [
        "TY  - MPCT",
        "TI  - 习近平会见美国总统",
        "T2  - 新闻联播",
        "PB  - 央视网",
        "SE  - 国际",
        "PY  - 2024",
        "DA  - 2024/01/03/",
        "UR  - https://example.org/x/",
        "Y2  - 2024/03/01",
        "LA  - zh-Hans",
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });
});

describe("CSL-JSON", () => {
  it("describes the Taiyuan report as a newspaper article", () => {
    expect(JSON.parse(cslJson([taiyuan()]))).toEqual([
      {
        id: "2020-03-04-1h89qg",
        type: "article-newspaper",
        title: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
        author: [{ literal: "李全宏" }],
        "container-title": "山西日報",
        section: "綜合新聞",
        issued: { "date-parts": [[2020, 3, 4]] },
        URL: "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/",
        language: "zh-Hant",
      },
    ]);
  });

  it("describes the notice as legislation with its issuing authority, number and genre", () => {
    expect(JSON.parse(cslJson([notice("2024-03-01")]))).toEqual([
      {
        id: "2024-01-05-gf0001",
        type: "legislation",
        title: "国务院关于进一步优化营商环境的通知",
        author: [{ literal: "国务院" }],
        authority: "国务院",
        number: "国发〔2024〕1号",
        genre: "通知",
        issued: { "date-parts": [[2024, 1, 5]] },
        accessed: { "date-parts": [[2024, 3, 1]] },
        URL: "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/",
        language: "zh-Hans",
      },
    ]);
  });

  it("describes a broadcast item with its programme as container and its broadcaster as publisher", () => {
    expect(JSON.parse(cslJson([broadcast()]))).toEqual([
      {
        id: "2024-01-03-03",
        type: "broadcast",
        title: "习近平会见美国总统",
        "container-title": "新闻联播",
        publisher: "央视网",
        section: "国际",
        issued: { "date-parts": [[2024, 1, 3]] },
        accessed: { "date-parts": [[2024, 3, 1]] },
        URL: "https://example.org/x/",
        language: "zh-Hans",
      },
    ]);
  });
});
