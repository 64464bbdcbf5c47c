import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { DOWNLOAD_LIST, type DownloadRecord } from "../../../src/lib/downloads/files.ts";
import { writeDownloads } from "../../../src/lib/downloads/write.ts";
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

    expect(await writeDownloads(site)).toMatchObject({ articles: 1, files: 4, kept: [] });

    const read = (file: string) => readFileSync(path.join(site, file), "utf8");
    expect(read("data/cite/2024-01-05-gf0001.bib")).toContain("number = {国发〔2024〕1号}");
    expect(read("data/cite/2024-01-05-gf0001.ris")).toMatch(/^TY {2}- /);
    expect(JSON.parse(read("data/cite/2024-01-05-gf0001.csl.json"))).toMatchObject([{ URL: NOTICE_URL }]);
    expect(read("data/source/2024-01-05-gf0001.md")).toBe(stored);
    expect(existsSync(path.join(site, DOWNLOAD_LIST))).toBe(false);
  });

  it("keeps an unchanged article's files from the last build into the same folder, and writes a changed one's again", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "downloads-"));
    const source = path.join(work, "gf0001.md");
    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n正文。\n");
    const site = path.join(work, "dist");
    mkdirSync(path.join(site, "data"), { recursive: true });
    const record: DownloadRecord = {
      item: citationItem(meta(STATE_COUNCIL_NOTICE), { url: NOTICE_URL, script: "hans" }),
      source,
    };
    const list = () => writeFileSync(path.join(site, DOWNLOAD_LIST), `${JSON.stringify(record)}\n`);
    list();
    const first = await writeDownloads(site);

    list();
    const again = await writeDownloads(site, first.signatures);
    expect(again.kept.sort()).toEqual([
      "data/cite/2024-01-05-gf0001.bib",
      "data/cite/2024-01-05-gf0001.csl.json",
      "data/cite/2024-01-05-gf0001.ris",
      "data/source/2024-01-05-gf0001.md",
    ]);

    writeFileSync(source, "---\nid: 2024-01-05-gf0001\n---\n更正后的正文。\n");
    list();
    const edited = await writeDownloads(site, again.signatures);
    expect(edited.kept).toEqual([]);
    expect(readFileSync(path.join(site, "data/source/2024-01-05-gf0001.md"), "utf8")).toContain("更正后的正文");
  });
});
