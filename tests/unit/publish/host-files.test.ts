import { describe, expect, it } from "vitest";
import { cnameFile, robotsTxt } from "../../../src/lib/publish/host-files.ts";

describe("files for the host", () => {
  it("robots.txt names the sitemap index where the site is published", () => {
    expect(robotsTxt("https://archive.example.org")).toContain(
      "Sitemap: https://archive.example.org/sitemap-index.xml",
    );
    expect(robotsTxt("https://example.github.io/policy-archive")).toContain(
      "Sitemap: https://example.github.io/policy-archive/sitemap-index.xml",
    );
  });

  it("CNAME holds the custom domain only", () => {
    expect(cnameFile("https://archive.example.org")).toBe("archive.example.org\n");
  });
});
