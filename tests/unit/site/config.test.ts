import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteConfig } from "../../../src/lib/site/config.ts";
import { ROOT } from "../../helpers/archive.ts";

/** An archive folder whose site.yaml is the sample's with `url` replaced and `extra` lines added. */
function siteWith(url: string, extra = ""): string {
  const dir = mkdtempSync(path.join(tmpdir(), "site-config-"));
  const sample = readFileSync(path.join(ROOT, "content/site.yaml"), "utf8");
  writeFileSync(path.join(dir, "site.yaml"), `${sample.replace(/^url: .*$/m, `url: "${url}"`)}${extra}`);
  return dir;
}

describe("the site's address (url)", () => {
  it("takes an http(s) address with or without a path, dropping trailing slashes", () => {
    expect(loadSiteConfig(siteWith("https://archive.example.org/")).url).toBe("https://archive.example.org");
    expect(loadSiteConfig(siteWith("http://example.github.io/policy-archive/")).url).toBe(
      "http://example.github.io/policy-archive",
    );
  });

  it.each([
    ["ftp://archive.example.org", "starts with ftp:"],
    ["archive.example.org", "is not an address"],
    ["https://archive.example.org/?lang=zh", "carries a ?query"],
    ["https://archive.example.org/#top", "carries a #fragment"],
    ["https://user:secret@archive.example.org", "carries a user name or password"],
  ])("refuses %s, naming the file, the field and what is expected", (url, problem) => {
    const dir = siteWith(url);
    expect(() => loadSiteConfig(dir)).toThrow(
      `${path.join(dir, "site.yaml")}: url: expected the address the site is published at: http:// or https://`,
    );
    expect(() => loadSiteConfig(dir)).toThrow(`"${url}" ${problem}`);
  });
});

describe("publishing settings", () => {
  it("are off unless set", () => {
    const site = loadSiteConfig(siteWith("https://archive.example.org"));
    expect(site.cname).toBe(false);
    expect(site.precompress).toBe(false);
  });

  it("refuse a custom domain for a site under a sub-path", () => {
    expect(() => loadSiteConfig(siteWith("https://example.github.io/policy-archive", "cname: true\n"))).toThrow(
      /cname: a custom domain serves the site at its root/,
    );
    expect(loadSiteConfig(siteWith("https://archive.example.org", "cname: true\n")).cname).toBe(true);
  });
});

describe("reading the settings again", () => {
  it("gives the edited settings once site.yaml changed, and refuses an edit that breaks it", () => {
    const dir = siteWith("https://archive.example.org");
    expect(loadSiteConfig(dir).cname).toBe(false);
    const file = path.join(dir, "site.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}cname: true\n`);
    expect(loadSiteConfig(dir).cname).toBe(true);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^url: .*$/m, 'url: "archive.example.org"'));
    expect(() => loadSiteConfig(dir)).toThrow(/is not an address/);
  });
});
