import { afterEach, describe, expect, it, vi } from "vitest";
import { exportPath, citationPath, feedPath, sourcePath } from "../../../src/lib/browse/urls.ts";
import { sitemapFiles } from "../../../src/lib/browse/sitemap.ts";
import { manifestUrl } from "../../../src/lib/search/manifest.ts";
import { basePath, sitePath, withBase } from "../../../src/lib/site/base.ts";
import { absoluteUrl, articlePath, homePath } from "../../../src/lib/site/urls.ts";

const PROJECT_SITE = "https://example.github.io/policy-archive";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the site's base path", () => {
  it("is the path of the site's address, with one trailing slash", () => {
    expect(basePath("https://archive.example.org")).toBe("/");
    expect(basePath(PROJECT_SITE)).toBe("/policy-archive/");
    expect(basePath("https://example.org/a/b/")).toBe("/a/b/");
  });

  it("joins paths from the site's root under it", () => {
    expect(withBase("/", "zh-hans/")).toBe("/zh-hans/");
    expect(withBase("/policy-archive/", "/favicon.svg")).toBe("/policy-archive/favicon.svg");
    expect(withBase("/policy-archive", "")).toBe("/policy-archive/");
  });
});

describe("addresses of a site published under a sub-path", () => {
  it("puts every page, feed, download and search file under the base", () => {
    vi.stubGlobal("__ARCHIVE_BASE__", "/policy-archive/");
    expect(sitePath("favicon.svg")).toBe("/policy-archive/favicon.svg");
    expect(homePath("hans")).toBe("/policy-archive/zh-hans/");
    expect(articlePath("hant", "2020-03-04-1h89qg")).toBe("/policy-archive/zh-hant/articles/2020-03-04-1h89qg/");
    expect(feedPath("hans")).toBe("/policy-archive/zh-hans/feed.xml");
    expect(exportPath("csv")).toBe("/policy-archive/data/articles.csv");
    expect(sourcePath("x")).toBe("/policy-archive/data/source/x.md");
    expect(citationPath("x", "bib")).toBe("/policy-archive/data/cite/x.bib");
    expect(manifestUrl("zh-hant")).toBe("/policy-archive/pagefind/search.zh-hant.json");
  });

  it("makes absolute URLs (canonical, feeds, citations) that keep the base once", () => {
    vi.stubGlobal("__ARCHIVE_BASE__", "/policy-archive/");
    expect(absoluteUrl(PROJECT_SITE, articlePath("hans", "a"))).toBe(
      "https://example.github.io/policy-archive/zh-hans/articles/a/",
    );
  });

  it("lists sitemap pages under the base", () => {
    const [index, first] = sitemapFiles(["zh-hans/", "zh-hant/"], PROJECT_SITE);
    expect(index?.text).toContain("<loc>https://example.github.io/policy-archive/sitemap-0.xml</loc>");
    expect(first?.text).toContain("<loc>https://example.github.io/policy-archive/zh-hant/</loc>");
    expect(first?.text).not.toContain("https://example.github.io/zh-");
  });
});
