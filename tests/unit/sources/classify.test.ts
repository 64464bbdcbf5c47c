import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  classifyResponse,
  isRedirectToIndex,
  notFoundReason,
  type PageResponse,
} from "../../../src/lib/sources/classify.ts";
import { readHtmlPage } from "../../../src/lib/import/html.ts";
import { homePage, newsPage, redesignedPage, softNotFoundPage } from "../../helpers/source-pages.ts";

const URL_A = "http://www.sxrb.example/news/2024/0305/c1.html";
const TEXT = {
  title: "楼阳生对脱贫攻坚提出要求",
  day: "2024-03-05",
  paragraphs: [
    "3月4日，省委书记楼阳生在太原主持召开会议，研究部署脱贫攻坚工作。",
    "会议强调，要坚决打赢脱贫攻坚战，确保如期全面建成小康社会，确保脱贫攻坚成果经得起历史检验。",
    "会议要求，各级党委和政府要把脱贫攻坚作为重大政治任务，压实责任，狠抓落实。",
  ],
};
/** The article as the import archived it from the page. */
const archived = { url: URL_A, body: readHtmlPage(newsPage(URL_A, TEXT)).body };

function response(body: string | Uint8Array, fields: Partial<PageResponse> = {}): PageResponse {
  return {
    status: 200,
    finalUrl: URL_A,
    contentType: "text/html; charset=utf-8",
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
    ...fields,
  };
}

describe("classifying a check", () => {
  it("finds the same text unchanged, and the same text in a new layout unchanged too", () => {
    const same = classifyResponse(archived, response(newsPage(URL_A, TEXT)), undefined);
    const redesigned = classifyResponse(archived, response(redesignedPage(URL_A, TEXT)), undefined);
    expect(same.outcome).toBe("unchanged");
    expect(redesigned.outcome).toBe("unchanged");
    expect(redesigned.sha256).toBe(same.sha256);
  });

  it("finds an edited sentence a change, and hands on the new text", () => {
    const edited = {
      ...TEXT,
      paragraphs: [TEXT.paragraphs[0]!, "会议强调，要确保脱贫攻坚成果经得起历史检验。", TEXT.paragraphs[2]!],
    };
    const found = classifyResponse(archived, response(newsPage(URL_A, edited)), undefined);
    expect(found.outcome).toBe("changed");
    expect(found.text).toContain("会议强调，要确保脱贫攻坚成果经得起历史检验。");
    expect(found.text).not.toContain("分享到");
  });

  it("reads a GBK page by its declared charset", () => {
    const gbk = iconv.encode(newsPage(URL_A, TEXT, { charset: "gbk" }), "gbk");
    expect(classifyResponse(archived, response(gbk, { contentType: "text/html" }), undefined).outcome).toBe(
      "unchanged",
    );
    const byHeader = iconv.encode(newsPage(URL_A, TEXT).replace('<meta charset="utf-8">', ""), "gb18030");
    expect(
      classifyResponse(archived, response(byHeader, { contentType: "text/html; charset=GB2312" }), undefined).outcome,
    ).toBe("unchanged");
  });

  it("calls 404 and 410 removed, 401, 403 and 451 blocked, 5xx unreachable", () => {
    const outcome = (status: number) => classifyResponse(archived, response("", { status }), undefined).outcome;
    expect([404, 410].map(outcome)).toEqual(["removed", "removed"]);
    expect([401, 403, 451].map(outcome)).toEqual(["blocked", "blocked", "blocked"]);
    expect([500, 502, 503].map(outcome)).toEqual(["unreachable", "unreachable", "unreachable"]);
  });

  it("calls a page saying it does not exist removed, whatever its status", () => {
    const found = classifyResponse(archived, response(softNotFoundPage()), undefined);
    expect(found.outcome).toBe("removed");
    expect(found.reason).toContain("您访问的页面不存在");
    const titled = `<html><head><title>404 - 山西新闻网</title></head><body><p>返回首页</p></body></html>`;
    expect(classifyResponse(archived, response(titled), undefined).outcome).toBe("removed");
    const traditional = `<html><head><title>提示</title></head><body><h1>頁面不存在</h1></body></html>`;
    expect(classifyResponse(archived, response(traditional), undefined).outcome).toBe("removed");
  });

  it("does not take an article about a deleted page, or a decree numbered 404, for an error page", () => {
    const about = {
      title: "国务院令第404号",
      day: "2024-03-05",
      paragraphs: [
        ...TEXT.paragraphs,
        "有群众反映，部分政务网站存在“页面不存在”等问题，相关部门已责令限期整改。".repeat(8),
      ],
    };
    expect(notFoundReason(newsPage(URL_A, about))).toBeUndefined();
    expect(notFoundReason(newsPage(URL_A, { ...about, title: "关于印发工作要点的通知404" }))).toBeUndefined();
  });

  it("calls a redirect to the home page or a section index removed, and one to the same article elsewhere not", () => {
    expect(isRedirectToIndex(URL_A, "http://www.sxrb.example/")).toBe(true);
    expect(isRedirectToIndex(URL_A, "http://www.sxrb.example/index.shtml")).toBe(true);
    expect(isRedirectToIndex(URL_A, "http://www.sxrb.example/news/")).toBe(true);
    expect(isRedirectToIndex(URL_A, "http://www.sxrb.example/error/404.html")).toBe(true);
    expect(isRedirectToIndex(URL_A, "https://www.sxrb.example/news/2024/0305/c1.html")).toBe(false);
    expect(isRedirectToIndex(URL_A, "http://www.sxrb.example/news/2024/0305/c1_2.html")).toBe(false);
    const home = classifyResponse(archived, response(homePage(), { finalUrl: "http://www.sxrb.example/" }), undefined);
    expect(home.outcome).toBe("removed");
  });

  it("keeps the last outcome and hash on 304 Not Modified", () => {
    const previous = {
      id: "x",
      url: URL_A,
      checked: "2024-04-01T00:00:00.000Z",
      outcome: "changed" as const,
      http_status: 200,
      final_url: URL_A,
      sha256: "a".repeat(64),
    };
    const found = classifyResponse(archived, response("", { status: 304 }), previous);
    expect(found).toMatchObject({ outcome: "changed", sha256: "a".repeat(64) });
  });

  it("compares a PDF by its bytes: the same bytes unchanged, other bytes changed", () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    const first = classifyResponse(archived, response(pdf, { contentType: "application/pdf" }), undefined);
    expect(first.outcome).toBe("unchanged");
    const previous = {
      id: "x",
      url: URL_A,
      checked: "2024-04-01T00:00:00.000Z",
      outcome: "unchanged" as const,
      http_status: 200,
      final_url: URL_A,
      sha256: first.sha256,
    };
    const other = new TextEncoder().encode("%PDF-1.4\n2 0 obj << >> endobj\n%%EOF\n");
    expect(classifyResponse(archived, response(pdf, { contentType: "application/pdf" }), previous).outcome).toBe(
      "unchanged",
    );
    expect(classifyResponse(archived, response(other, { contentType: "application/pdf" }), previous).outcome).toBe(
      "changed",
    );
  });
});
