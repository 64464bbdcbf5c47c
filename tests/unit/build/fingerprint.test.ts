import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeXwlbArchive } from "../../../bench/fixtures.ts";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { partFingerprints, type SharedInputs } from "../../../src/lib/build/fingerprint.ts";
import { articleFile } from "../../helpers/archive.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const shared: SharedInputs = { code: "code", site: { "site.yaml": "url: x" }, settings: {} };

describe.skipIf(!hasCorpus)("fingerprints of the parts of a site", () => {
  // Four news items, twice, three years apart: 2019 and 2022.
  const archive = mkdtempSync(path.join(tmpdir(), "fingerprint-"));
  const articles = hasCorpus ? writeXwlbArchive(archive, { limit: 4, repeat: 2 }) : [];
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(archive, file), change(readFileSync(path.join(archive, file), "utf8")));
  const fingerprints = async (inputs = shared) => partFingerprints((await loadArchive(archive)).articles, 1, inputs);

  it("changes only the part of an article whose text changed", async () => {
    const before = await fingerprints();
    expect([...before.keys()]).toEqual(["2019", "2022"]);
    // The second of four 2019 articles: no other part shows it.
    edit(articles[5]?.file as string, (text) => text.replace(/<p>/, "<p>新的一段。</p><p>"));
    const after = await fingerprints();
    expect(after.get("2019")).not.toBe(before.get("2019"));
    expect(after.get("2022")).toBe(before.get("2022"));
  });

  it("changes the part of an article whose page shows an edited title from another part", async () => {
    const before = await fingerprints();
    // The newest 2019 article is the previous neighbour of the oldest 2022 article.
    const newest2019 = articles.filter((article) => article.day.startsWith("2019")).at(-1);
    edit(newest2019?.file as string, (text) => text.replace(/^title: .*$/m, "title: 更正后的标题"));
    const after = await fingerprints();
    expect(after.get("2019")).not.toBe(before.get("2019"));
    expect(after.get("2022")).not.toBe(before.get("2022"));
  });

  it("changes every part when the code or the site settings change", async () => {
    const before = await fingerprints();
    const code = await fingerprints({ ...shared, code: "other" });
    const settings = await fingerprints({ ...shared, settings: { SEARCH_SHARD_PAGES: "10" } });
    for (const part of before.keys()) {
      expect(code.get(part)).not.toBe(before.get(part));
      expect(settings.get(part)).not.toBe(before.get(part));
    }
  });
});

describe("fingerprints of parts citing documents by title", () => {
  const archive = mkdtempSync(path.join(tmpdir(), "fingerprint-refs-"));
  const write = (file: string, fields: Record<string, string>, body: string) => {
    mkdirSync(path.dirname(path.join(archive, "articles", file)), { recursive: true });
    writeFileSync(path.join(archive, "articles", file), articleFile(fields, body));
  };
  write(
    "2019/law.md",
    { id: "2019-01-01-law001", title: "中华人民共和国行政复议法", date: "2019-01-01" },
    "第一条 为了防止和纠正违法的行政行为，制定本法。\n",
  );
  write(
    "2022/notice.md",
    { id: "2022-01-01-tz0001", title: "关于行政复议的通知", date: "2022-01-01" },
    "依照《行政复议法》第二条和《中华人民共和国行政处罚法》的规定办理。\n",
  );
  const fingerprints = async () => partFingerprints((await loadArchive(archive)).articles, 1, shared);

  it("changes the citing part when a cited document gains the clause it cites, or a title comes to name a document", async () => {
    const before = await fingerprints();
    write(
      "2019/law.md",
      { id: "2019-01-01-law001", title: "中华人民共和国行政复议法", date: "2019-01-01" },
      "第一条 为了防止和纠正违法的行政行为，制定本法。\n\n第二条 申请行政复议，适用本法。\n",
    );
    const gained = await fingerprints();
    expect(gained.get("2022")).not.toBe(before.get("2022"));
    write(
      "2020/penalty.md",
      { id: "2020-01-01-law002", title: "中华人民共和国行政处罚法", date: "2020-01-01" },
      "第一条 为了规范行政处罚，制定本法。\n",
    );
    const arrived = await fingerprints();
    expect(arrived.get("2022")).not.toBe(gained.get("2022"));
  });
});
