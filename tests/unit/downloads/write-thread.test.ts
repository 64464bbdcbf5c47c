import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { DOWNLOAD_LIST, type DownloadRecord } from "../../../src/lib/downloads/files.ts";
import { writeDownloadsInThread } from "../../../src/lib/downloads/write-thread.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

/** A built site's folder holding the download list of one article stored in `work`. */
function siteWithOneArticle(): { site: string; stored: string } {
  const work = mkdtempSync(path.join(tmpdir(), "downloads-thread-"));
  const stored = "---\nid: 2024-01-05-a\n---\n正文。\n";
  const source = path.join(work, "2024-01-05-a.md");
  writeFileSync(source, stored);
  const site = path.join(work, "dist");
  mkdirSync(path.join(site, "data"), { recursive: true });
  const record: DownloadRecord = {
    item: {
      ...citationItem(meta(STATE_COUNCIL_NOTICE), { url: "https://example.org/", script: "hans" }),
      id: "2024-01-05-a",
    },
    source,
  };
  writeFileSync(path.join(site, DOWNLOAD_LIST), `${JSON.stringify(record)}\n`);
  return { site, stored };
}

describe("writing the downloads in a thread of their own", () => {
  it("writes the month's zip and answers what it wrote, with the record for the next build", async () => {
    const { site, stored } = siteWithOneArticle();
    const written = await writeDownloadsInThread({
      siteDir: site,
      published: undefined,
      previous: {},
      choice: { articleFiles: false },
    });
    expect(written).toMatchObject({ articles: 1, files: 1, kept: 0 });
    expect(Object.keys(written.record)).toEqual(["zip:2024-01"]);
    const zip = unzipSync(readFileSync(path.join(site, "data/source/2024-01.zip")));
    expect(Buffer.from(zip["2024-01-05-a.md"]!).toString("utf8")).toBe(stored);
  });

  it("fails with the reason when the work fails, rather than waiting for ever", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "downloads-thread-"));
    await expect(
      writeDownloadsInThread({ siteDir: site, published: undefined, previous: {}, choice: { articleFiles: false } }),
    ).rejects.toThrow(/downloads\.jsonl/);
  });
});
