import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { runImport, type ImportEvent } from "../../../src/lib/import/importer.ts";
import { safeName } from "../../../src/lib/import/local-files.ts";
import { tempDir } from "./helpers.ts";

/** A real PNG image of the given size (one grey pixel row repeated). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A page saved by a browser with its files: page.html and page_files/. */
function savedPage(dir: string): string {
  mkdirSync(path.join(dir, "page_files"));
  writeFileSync(path.join(dir, "page_files", "流程图.png"), png(40, 30));
  writeFileSync(path.join(dir, "page_files", "附件1.pdf"), "%PDF-1.4\n%%EOF\n");
  writeFileSync(path.join(dir, "page_files", "tracker.js"), "alert(1)");
  // A browser saves the page's frames as pages of their own: they are no articles.
  writeFileSync(path.join(dir, "page_files", "frame.html"), "<html><body><h1>广告</h1><p>广告文字。</p></body></html>");
  writeFileSync(path.join(dir, "说明.docx"), "PK");
  writeFileSync(
    path.join(dir, "page_files", "badge.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  );
  const file = path.join(dir, "page.html");
  writeFileSync(
    file,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发办理流程的通知</title>
<link rel="canonical" href="https://www.example.gov.cn/zwgk/2024/05/t20240506_1.html"></head><body>
<h1>关于印发办理流程的通知</h1><div class="info">发布时间：2024-05-06 来源：某某市人民政府办公室</div>
<div class="content">
<p>各区人民政府，市政府各部门：现将办理流程印发给你们，请认真贯彻执行。</p>
<p><img src="./page_files/%E6%B5%81%E7%A8%8B%E5%9B%BE.png" alt="办理流程"></p>
<p><img src="page_files/badge.svg" alt="徽标"> <img src="https://cdn.example.gov.cn/banner.jpg" alt="横幅"></p>
<p>附件：<a href="page_files/附件1.pdf">办理流程说明</a> <a href="page_files/tracker.js">统计</a> <a href="/zwgk/">政务公开</a></p>
</div></body></html>`,
  );
  return file;
}

describe("importing a saved page with its files", () => {
  it("brings the images and attachments it links into the article's folder, and refuses unsafe ones", async () => {
    const dir = tempDir();
    savedPage(dir);
    const archive = tempDir();
    const events: ImportEvent[] = [];
    const summary = await runImport([dir], { archive }, { event: (event) => events.push(event) });
    expect(summary).toMatchObject({ written: 1, skipped: 1, errors: 0 });
    const skipped = events.find((event) => event.kind === "skipped");
    expect(skipped?.kind === "skipped" && `${skipped.input}: ${skipped.reason}`).toMatch(
      /说明\.docx: not a kind of file the import reads/,
    );
    const written = events.find((event) => event.kind === "written");
    expect(written?.kind === "written" && written.path).toMatch(/articles\/2024\/05\/2024-05-06-[a-z0-9]+\/index\.md$/);
    const folder = path.dirname(written?.kind === "written" ? written.path : "");
    expect(readdirSync(folder).sort()).toEqual(["file-1.pdf", "file.png", "index.md"]);
    const body = readFileSync(path.join(folder, "index.md"), "utf8");
    const warnings = events
      .filter((event) => event.kind === "warning")
      .map((event) => event.kind === "warning" && event.message);
    expect(warnings.join("\n")).toMatch(/left out «page_files\/tracker\.js».*\.js file cannot be published/);
    expect(warnings.join("\n")).toMatch(/left out «page_files\/badge\.svg».*SVG image carries script/);
    expect(warnings.join("\n")).toMatch(/1 image still pointing to the original site/);
    expect(body).toContain("https://cdn.example.gov.cn/banner.jpg");
    expect(body).toContain("](https://www.example.gov.cn/zwgk/)");
    expect(body).not.toContain("page_files");
    expect(body).not.toContain("tracker");

    const loaded = await loadArchive(archive);
    expect(loaded.problems).toEqual([]);
    const attachments = loaded.articles[0]?.attachments ?? [];
    expect(attachments.map((file) => [file.name, file.type, file.width])).toEqual(
      expect.arrayContaining([
        ["file-1.pdf", "PDF", undefined],
        ["file.png", "PNG", 40],
      ]),
    );
    for (const { name } of attachments) expect(body).toContain(`](${name})`);
  });

  it("names files with letters, digits, . _ and - only, keeping the extension", () => {
    expect(safeName("附件1.PDF")).toBe("file-1.pdf");
    expect(safeName("流程图.png")).toBe("file.png");
    expect(safeName("report 2024 (final).docx")).toBe("report-2024-final.docx");
  });
});
