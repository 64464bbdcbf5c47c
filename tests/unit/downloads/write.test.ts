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

    expect(await writeDownloads(site)).toEqual({ articles: 1, files: 4 });

    const read = (file: string) => readFileSync(path.join(site, file), "utf8");
    expect(read("data/cite/2024-01-05-gf0001.bib")).toContain("number = {国发〔2024〕1号}");
    expect(read("data/cite/2024-01-05-gf0001.ris")).toMatch(/^TY {2}- /);
    expect(JSON.parse(read("data/cite/2024-01-05-gf0001.csl.json"))).toMatchObject([{ URL: NOTICE_URL }]);
    expect(read("data/source/2024-01-05-gf0001.md")).toBe(stored);
    expect(existsSync(path.join(site, DOWNLOAD_LIST))).toBe(false);
  });
});
