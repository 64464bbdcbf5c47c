import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { isDownloadPath, serveDownload } from "../../../src/lib/downloads/serve.ts";
import { meta } from "../../helpers/meta.ts";

const STORED = "---\nid: x\n---\n\n正文。\n";

function records() {
  const source = path.join(mkdtempSync(path.join(tmpdir(), "serve-")), "a.md");
  writeFileSync(source, STORED);
  const fields = meta({ id: "2024-01-02-abc123", title: "国务院关于测试的通知", date: "2024-01-02", script: "hans" });
  return [{ item: citationItem(fields, { url: "https://example.org/a/", script: "hans" }), source }];
}

describe("downloads served by the dev server", () => {
  it("knows the download addresses", () => {
    expect(isDownloadPath("data/cite/2024-01-02-abc123.bib")).toBe(true);
    expect(isDownloadPath("data/cite/2024-01-02-abc123.csl.json")).toBe(true);
    expect(isDownloadPath("data/source/2024-01-02-abc123.md")).toBe(true);
    expect(isDownloadPath("data/source/2024-01.zip")).toBe(true);
    expect(isDownloadPath("data/articles.json")).toBe(false);
    expect(isDownloadPath("zh-hans/articles/2024-01-02-abc123/")).toBe(false);
  });

  it("makes the month's zip from the articles of that month, and has none for a month without articles", async () => {
    const zip = await serveDownload("data/source/2024-01.zip", records(), { articleFiles: false });
    expect(zip?.type).toBe("application/zip");
    expect(Buffer.from(unzipSync(zip!.body as Uint8Array)["2024-01-02-abc123.md"]!).toString("utf8")).toBe(STORED);
    expect(await serveDownload("data/source/2024-02.zip", records(), { articleFiles: false })).toBeUndefined();
  });

  it("with download_files, makes a citation and copies the Markdown file, and has nothing for an unknown article", async () => {
    const choice = { articleFiles: true };
    const bib = await serveDownload("data/cite/2024-01-02-abc123.bib", records(), choice);
    expect(bib?.type).toMatch(/^application\/x-bibtex/);
    expect(String(bib?.body)).toContain("国务院关于测试的通知");
    const markdown = await serveDownload("data/source/2024-01-02-abc123.md", records(), choice);
    expect(Buffer.from(markdown!.body).toString("utf8")).toBe(STORED);
    expect(await serveDownload("data/cite/2024-01-02-other.ris", records(), choice)).toBeUndefined();
  });

  it("serves no file of an article's own where the site writes none", async () => {
    const choice = { articleFiles: false };
    expect(await serveDownload("data/cite/2024-01-02-abc123.bib", records(), choice)).toBeUndefined();
    expect(await serveDownload("data/source/2024-01-02-abc123.md", records(), choice)).toBeUndefined();
  });
});
