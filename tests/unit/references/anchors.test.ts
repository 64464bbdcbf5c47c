import { describe, expect, it } from "vitest";
import { parseBody } from "../../../src/lib/markdown/render.ts";
import { clauseAnchors } from "../../../src/lib/references/anchors.ts";
import { treeAnchors } from "../../../src/lib/references/link.ts";
import { hasCorpus } from "../../helpers/corpus.ts";
import { lawArchive } from "../../helpers/references.ts";

const rendered = (body: string): string[] => [...treeAnchors(parseBody(body))].sort();
const found = (body: string): string[] => [...clauseAnchors(body)].sort();

describe("clause anchors read without rendering", () => {
  it("are those the page gets, in Markdown and in HTML copied with several paragraphs on a line", () => {
    const markdown = "## 第一章 总则\n\n第一条 为了规范……\n\n第五条规定的情形除外。\n\n第二条之一 本法所称……\n";
    expect(found(markdown)).toEqual(["art-1", "art-2-1"]);
    expect(found(markdown)).toEqual(rendered(markdown));
    const html = "<p>第一条　为了规范……</p><p>第二条 本办法适用于……</p><p>依照第三条规定办理。</p>\n";
    expect(found(html)).toEqual(["art-1", "art-2"]);
    expect(found(html)).toEqual(rendered(html));
  });

  // Every law agrees (checked once: rendering them all takes a minute); every tenth is checked here.
  it.skipIf(!hasCorpus)(
    "are those the page gets for every tenth law of the corpus (needs the laws corpus)",
    async () => {
      const { laws } = await lawArchive();
      const sample = [...laws].filter((_, i) => i % 10 === 0);
      const differing = sample.filter(([, law]) => found(law.body).join() !== rendered(law.body).join());
      expect(differing.map(([file]) => file)).toEqual([]);
    },
  );
});
