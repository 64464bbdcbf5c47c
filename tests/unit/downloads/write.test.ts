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
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { DOWNLOAD_LIST, type DownloadRecord } from "../../../src/lib/downloads/files.ts";
import { writeDownloads, type DownloadsRecord } from "../../../src/lib/downloads/write.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const NOTICE_URL = "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/";

describe("writing the downloads after the build", () => {
  it("writes each listed article's citations and a byte-for-byte copy of its file at the linked URLs, then removes the list", async () => {
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

    expect(await writeDownloads(site, undefined, {}, { citationFiles: true })).toMatchObject({
      articles: 1,
      files: 4,
      kept: 0,
    });

    const read = (file: string) => readFileSync(path.join(site, file), "utf8");
    expect(read("data/cite/2024-01-05-gf0001.bib")).toContain("number = {国发〔2024〕1号}");
    expect(read("data/cite/2024-01-05-gf0001.ris")).toMatch(/^TY {2}- /);
    expect(JSON.parse(read("data/cite/2024-01-05-gf0001.csl.json"))).toMatchObject([{ URL: NOTICE_URL }]);
    expect(read("data/source/2024-01-05-gf0001.md")).toBe(stored);
    expect(existsSync(path.join(site, DOWNLOAD_LIST))).toBe(false);
  });

  it("writes the Markdown file only by default: the citations come with the page", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "downloads-"));
    const source = path.join(work, "gf0001.md");
    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n正文。\n");
    const site = path.join(work, "dist");
    mkdirSync(path.join(site, "data"), { recursive: true });
    const record: DownloadRecord = {
      item: citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans" }),
      source,
    };
    writeFileSync(path.join(site, DOWNLOAD_LIST), `${JSON.stringify(record)}\n`);
    expect(await writeDownloads(site, undefined, {}, { citationFiles: false })).toMatchObject({ files: 1 });
    expect(readdirSync(path.join(site, "data"), { recursive: true }).sort()).toEqual([
      "source",
      path.join("source", "2024-01-05-gf0001.md"),
    ]);
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
      const result = await writeDownloads(site, published, previous, { citationFiles: true });
      published = site;
      return result;
    };
    const bib = (site = published as string) => path.join(site, "data/cite/2024-01-05-gf0001.bib");
    const markdown = (site = published as string) => path.join(site, "data/source/2024-01-05-gf0001.md");

    const first = await build({});
    const firstSite = published as string;
    const again = await build(first.record);
    expect(again.kept).toBe(4);
    expect(statSync(bib()).ino).toBe(statSync(bib(firstSite)).ino);

    rmSync(bib());
    const afterDeletion = await build(again.record);
    expect(afterDeletion.kept).toBe(0);
    expect(readFileSync(bib(), "utf8")).toContain("number = {国发〔2024〕1号}");

    writeFileSync(markdown(), "tampered");
    const afterTampering = await build(afterDeletion.record);
    expect(afterTampering.kept).toBe(0);
    expect(readFileSync(markdown(), "utf8")).toContain("正文。");

    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n更正后的正文。\n");
    const edited = await build(afterTampering.record);
    expect(edited.kept).toBe(0);
    expect(readFileSync(markdown(), "utf8")).toContain("更正后的正文");
  });
});
