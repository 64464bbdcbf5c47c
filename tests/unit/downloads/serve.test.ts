import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { downloadId, serveDownload } from "../../../src/lib/downloads/serve.ts";
import { meta } from "../../helpers/meta.ts";

describe("downloads served by the dev server", () => {
  it("knows the download addresses and the article each belongs to", () => {
    expect(downloadId("data/cite/2024-01-02-abc123.bib")).toBe("2024-01-02-abc123");
    expect(downloadId("data/cite/2024-01-02-abc123.csl.json")).toBe("2024-01-02-abc123");
    expect(downloadId("data/source/2024-01-02-abc123.md")).toBe("2024-01-02-abc123");
    expect(downloadId("data/articles.json")).toBeUndefined();
    expect(downloadId("zh-hans/articles/2024-01-02-abc123/")).toBeUndefined();
  });

  it("makes a citation and copies the Markdown file, and has nothing for an unknown article", async () => {
    const choice = { citationFiles: true };
    const source = path.join(mkdtempSync(path.join(tmpdir(), "serve-")), "a.md");
    writeFileSync(source, "---\nid: x\n---\n\n正文。\n");
    const fields = meta({ id: "2024-01-02-abc123", title: "国务院关于测试的通知", date: "2024-01-02", script: "hans" });
    const records = [{ item: citationItem(fields, { url: "https://example.org/a/", script: "hans" }), source }];
    const bib = await serveDownload("data/cite/2024-01-02-abc123.bib", records, choice);
    expect(bib?.type).toMatch(/^application\/x-bibtex/);
    expect(String(bib?.body)).toContain("国务院关于测试的通知");
    const markdown = await serveDownload("data/source/2024-01-02-abc123.md", records, choice);
    expect(Buffer.from(markdown!.body).toString("utf8")).toBe("---\nid: x\n---\n\n正文。\n");
    expect(await serveDownload("data/cite/2024-01-02-other.ris", records, choice)).toBeUndefined();
  });

  it("serves no citation file where the site writes none, and the Markdown file still", async () => {
    const source = path.join(mkdtempSync(path.join(tmpdir(), "serve-")), "a.md");
    writeFileSync(source, "---\nid: x\n---\n\n正文。\n");
    const fields = meta({ id: "2024-01-02-abc123", title: "国务院关于测试的通知", date: "2024-01-02", script: "hans" });
    const records = [{ item: citationItem(fields, { url: "https://example.org/a/", script: "hans" }), source }];
    const choice = { citationFiles: false };
    expect(await serveDownload("data/cite/2024-01-02-abc123.bib", records, choice)).toBeUndefined();
    expect(await serveDownload("data/source/2024-01-02-abc123.md", records, choice)).toBeDefined();
  });
});
