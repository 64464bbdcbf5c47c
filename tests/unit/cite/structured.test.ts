import { describe, expect, it } from "vitest";
import { articleJsonLd, scriptSafeJson, type PageContext } from "../../../src/lib/cite/jsonld.ts";
import { openGraph } from "../../../src/lib/cite/opengraph.ts";
import { meta, sampleMeta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const page = (script: "hans" | "hant", id: string, original: "hans" | "hant"): PageContext => ({
  script,
  pageUrl: `https://archive.example.org/zh-${script}/articles/${id}/`,
  originalUrl: `https://archive.example.org/zh-${original}/articles/${id}/`,
  siteTitle: "政策与新闻文献库",
  siteUrl: `https://archive.example.org/zh-${script}/`,
});

describe("JSON-LD", () => {
  it("describes a report as a NewsArticle with its author, outlet and section", () => {
    const data = articleJsonLd(sampleMeta(), page("hant", "2020-03-04-1h89qg", "hant"), "3月3日，部署会召开。");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://archive.example.org/zh-hant/articles/2020-03-04-1h89qg/",
      headline: "全省脫貧攻堅問題排查整改暨掛牌督戰工作部署會召開",
      alternativeHeadline: "林武作批示",
      datePublished: "2020-03-04T07:41:00+08:00",
      inLanguage: "zh-Hant",
      author: [{ "@type": "Person", name: "李全宏" }],
      sourceOrganization: { "@type": "NewsMediaOrganization", name: "山西日報" },
      publisher: { "@type": "Organization", name: "太原新聞網（太原日報報業集團）" },
      articleSection: "綜合新聞",
      description: "3月3日，部署会召开。",
    });
    expect(data).not.toHaveProperty("translationOfWork");
  });

  it("describes a policy document as Legislation with number, issuing body, type, dates and legal force", () => {
    const data = articleJsonLd(meta(STATE_COUNCIL_NOTICE), page("hant", "2024-01-05-gf0001", "hans"), "");
    expect(data).toMatchObject({
      "@type": "Legislation",
      "@id": "https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/",
      url: "https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/",
      translationOfWork: { "@id": "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/" },
      name: "国务院关于进一步优化营商环境的通知",
      legislationIdentifier: "国发〔2024〕1号",
      legislationPassedBy: [{ "@type": "GovernmentOrganization", name: "国务院" }],
      legislationType: "通知",
      legislationDate: "2024-01-05",
      legislationDateOfApplicability: "2024-02-01",
      legislationLegalForce: { "@id": "https://schema.org/InForce" },
    });
    expect(data).not.toHaveProperty("headline");
    expect(data).not.toHaveProperty("description");
  });

  it("cannot be closed early by a title containing </script>", () => {
    const hostile = meta({
      id: "2024-01-01-aaaaaa",
      title: "</script><script>alert(1)</script>",
      date: "2024-01-01",
      script: "hans",
    });
    const text = scriptSafeJson(articleJsonLd(hostile, page("hans", hostile.id, "hans"), ""));
    expect(text).not.toMatch(/<\/script/i);
    expect(JSON.parse(text)).toMatchObject({ headline: "</script><script>alert(1)</script>" });
  });
});

describe("Open Graph", () => {
  it("gives the page's own link, the script's locale, the date and one tag per topic", () => {
    const notice = meta({ ...STATE_COUNCIL_NOTICE, topics: ["营商环境", "放管服"] });
    const tags = openGraph(notice, page("hans", notice.id, "hant"), "国发〔2024〕1号");
    expect(tags).toEqual([
      { property: "og:type", content: "article" },
      { property: "og:title", content: "国务院关于进一步优化营商环境的通知" },
      { property: "og:description", content: "国发〔2024〕1号" },
      { property: "og:url", content: "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/" },
      { property: "og:site_name", content: "政策与新闻文献库" },
      { property: "og:locale", content: "zh_CN" },
      { property: "og:locale:alternate", content: "zh_TW" },
      { property: "article:published_time", content: "2024-01-05T00:00:00+08:00" },
      { property: "article:tag", content: "营商环境" },
      { property: "article:tag", content: "放管服" },
    ]);
  });
});
