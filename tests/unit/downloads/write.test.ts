import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { DOWNLOAD_LIST, type DownloadRecord } from "../../../src/lib/downloads/files.ts";
import { writeDownloads, type DownloadsRecord } from "../../../src/lib/downloads/write.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const NOTICE_URL = "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/";

describe("writing the downloads after the build", () => {
  it("with download_files, writes each listed article's citations and a byte-for-byte copy of its file at the linked URLs, then removes the list", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "downloads-"));
    const source = path.join(work, "gf0001.md");
    // Line endings and a byte-order mark as an editor may leave them: the copy must keep them.
    const stored = "\uFEFF---\r\nid: 2024-01-05-gf0001\r\n---\r\n国务院通知正文。\r\n";
    writeFileSync(source, stored);
    const site = path.join(work, "dist");
    mkdirSync(path.join(site, "data"), { recursive: true });
    const record: DownloadRecord = {
      item: citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans" }),
      source,
    };
    writeFileSync(path.join(site, DOWNLOAD_LIST), `${JSON.stringify(record)}\n`);

    expect(await writeDownloads(site, undefined, {}, { articleFiles: true })).toMatchObject({
      articles: 1,
      files: 5,
      kept: 0,
    });

    const read = (file: string) => readFileSync(path.join(site, file), "utf8");
    expect(read("data/cite/2024-01-05-gf0001.bib")).toContain("number = {国发〔2024〕1号}");
    expect(read("data/cite/2024-01-05-gf0001.ris")).toMatch(/^TY {2}- /);
    expect(JSON.parse(read("data/cite/2024-01-05-gf0001.csl.json"))).toMatchObject([{ URL: NOTICE_URL }]);
    expect(read("data/source/2024-01-05-gf0001.md")).toBe(stored);
    expect(existsSync(path.join(site, DOWNLOAD_LIST))).toBe(false);
  });

  it("writes by default one zip a month, holding each of its articles' files as stored, and no file of an article's own", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "downloads-"));
    const site = path.join(work, "dist");
    mkdirSync(path.join(site, "data"), { recursive: true });
    const stored = (id: string) => `---\nid: ${id}\n---\n${id} 的正文。\n`;
    const records = ["2024-01-05-a", "2024-01-31-b", "2024-02-01-c"].map((id): DownloadRecord => {
      const source = path.join(work, `${id}.md`);
      writeFileSync(source, stored(id));
      return {
        item: {
          ...citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans" }),
          id,
          day: id.slice(0, 10),
        },
        source,
      };
    });
    writeFileSync(path.join(site, DOWNLOAD_LIST), records.map((record) => `${JSON.stringify(record)}\n`).join(""));
    const first = await writeDownloads(site, undefined, {}, { articleFiles: false });
    expect(first).toMatchObject({ articles: 3, files: 2 });
    expect(readdirSync(path.join(site, "data"), { recursive: true }).sort()).toEqual([
      "source",
      path.join("source", "2024-01.zip"),
      path.join("source", "2024-02.zip"),
    ]);
    const january = unzipSync(readFileSync(path.join(site, "data/source/2024-01.zip")));
    expect(Object.keys(january).sort()).toEqual(["2024-01-05-a.md", "2024-01-31-b.md"]);
    expect(Buffer.from(january["2024-01-31-b.md"]!).toString("utf8")).toBe(stored("2024-01-31-b"));

    // An edit to one article writes its month's zip again and links the other month's from the published site.
    writeFileSync(records[0]!.source, `${stored("2024-01-05-a")}更正。\n`);
    const next = path.join(work, "next");
    mkdirSync(path.join(next, "data"), { recursive: true });
    writeFileSync(path.join(next, DOWNLOAD_LIST), records.map((record) => `${JSON.stringify(record)}\n`).join(""));
    expect(await writeDownloads(next, site, first.record, { articleFiles: false })).toMatchObject({
      files: 2,
      kept: 1,
    });
    const zipOf = (dir: string, month: string) => path.join(dir, `data/source/${month}.zip`);
    expect(statSync(zipOf(next, "2024-02")).ino).toBe(statSync(zipOf(site, "2024-02")).ino);
    const edited = unzipSync(readFileSync(zipOf(next, "2024-01")))["2024-01-05-a.md"]!;
    expect(Buffer.from(edited).toString("utf8")).toContain("更正。");
  });

  it("links an unchanged article's files from the published site, and writes again what changed, went missing or was altered", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "downloads-"));
    const source = path.join(work, "gf0001.md");
    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n正文。\n");
    const record: DownloadRecord = {
      item: citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans" }),
      source,
    };
    // Each build writes a new site folder beside the published one, which then replaces it.
    let published: string | undefined;
    let builds = 0;
    const build = async (previous: DownloadsRecord) => {
      const site = path.join(work, `site-${++builds}`);
      mkdirSync(path.join(site, "data"), { recursive: true });
      writeFileSync(path.join(site, DOWNLOAD_LIST), `${JSON.stringify(record)}\n`);
      const result = await writeDownloads(site, published, previous, { articleFiles: true });
      published = site;
      return result;
    };
    const bib = (site = published as string) => path.join(site, "data/cite/2024-01-05-gf0001.bib");
    const markdown = (site = published as string) => path.join(site, "data/source/2024-01-05-gf0001.md");
    const zip = (site = published as string) => path.join(site, "data/source/2024-01.zip");

    const first = await build({});
    const firstSite = published as string;
    const again = await build(first.record);
    // The article's four files and its month's zip.
    expect(again.kept).toBe(5);
    expect(statSync(bib()).ino).toBe(statSync(bib(firstSite)).ino);
    expect(statSync(zip()).ino).toBe(statSync(zip(firstSite)).ino);

    rmSync(bib());
    const afterDeletion = await build(again.record);
    expect(afterDeletion.kept).toBe(1);
    expect(readFileSync(bib(), "utf8")).toContain("number = {国发〔2024〕1号}");

    writeFileSync(markdown(), "tampered");
    writeFileSync(zip(), "tampered");
    const afterTampering = await build(afterDeletion.record);
    expect(afterTampering.kept).toBe(0);
    expect(readFileSync(markdown(), "utf8")).toContain("正文。");
    expect(Buffer.from(unzipSync(readFileSync(zip()))["2024-01-05-gf0001.md"]!).toString("utf8")).toContain("正文。");

    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n更正后的正文。\n");
    const edited = await build(afterTampering.record);
    expect(edited.kept).toBe(0);
    expect(readFileSync(markdown(), "utf8")).toContain("更正后的正文");
    expect(Buffer.from(unzipSync(readFileSync(zip()))["2024-01-05-gf0001.md"]!).toString("utf8")).toContain(
      "更正后的正文",
    );
  });
});
