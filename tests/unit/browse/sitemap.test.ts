import { describe, expect, it } from "vitest";
import { sitemapFiles } from "../../../src/lib/browse/sitemap.ts";

const SITE = "https://archive.example.org";

describe("the sitemap", () => {
  const files = sitemapFiles(
    [
      "",
      "404.html",
      "zh-hans/",
      "zh-hant/",
      "zh-hans/articles/2024-01-05-gf0001/",
      "zh-hant/articles/2024-01-05-gf0001/",
      "zh-hans/browse/persons/习近平/",
      "zh-hans/feed.xml",
      "data/articles.json",
    ],
    SITE,
  );
  const [index, first] = files;

  it("indexes its sitemap files", () => {
    expect(files.map((file) => file.name)).toEqual(["sitemap-index.xml", "sitemap-0.xml"]);
    expect(index?.text).toContain("<loc>https://archive.example.org/sitemap-0.xml</loc>");
  });

  it("lists pages in both scripts with hreflang alternates, and leaves out feeds, data and the root redirect", () => {
    const urls = [...(first?.text ?? "").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toEqual([
      "https://archive.example.org/zh-hans/",
      "https://archive.example.org/zh-hant/",
      "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/",
      "https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/",
      "https://archive.example.org/zh-hans/browse/persons/%E4%B9%A0%E8%BF%91%E5%B9%B3/",
    ]);
    expect(first?.text).toContain(
      "<url><loc>https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/</loc>" +
        '<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/"/>' +
        '<xhtml:link rel="alternate" hreflang="zh-Hant" href="https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/"/></url>',
    );
  });

  it("gives a page that exists in one script only no alternates", () => {
    expect(first?.text).toContain(
      "<url><loc>https://archive.example.org/zh-hans/browse/persons/%E4%B9%A0%E8%BF%91%E5%B9%B3/</loc></url>",
    );
  });
});
