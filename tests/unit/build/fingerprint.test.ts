import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeXwlbArchive } from "../../../bench/fixtures.ts";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { partFingerprints, type SharedInputs } from "../../../src/lib/build/fingerprint.ts";
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
