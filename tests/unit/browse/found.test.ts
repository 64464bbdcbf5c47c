import { describe, expect, it } from "vitest";
import { viewMeta } from "../../../src/lib/article/view.ts";
import { buildBrowseIndex, type IndexInput } from "../../../src/lib/browse/index.ts";
import { withFound } from "../../../src/lib/entities/found.ts";
import { exportRecord } from "../../../src/lib/export/records.ts";
import { meta } from "../../helpers/meta.ts";

/** An article whose front matter lists no names, with the names the finder gave it. */
const found = (id: string, persons: string[], written: Record<string, unknown> = {}): IndexInput => ({
  meta: withFound(meta({ id, title: id, date: id.slice(0, 10), script: "hans", ...written }), {
    persons,
    places: [],
    organizations: [],
  }),
  body: "正文。",
});

const index = buildBrowseIndex(
  [
    found("2024-01-01-a", ["李强", "卢拉"]),
    found("2024-01-02-b", ["李强"]),
    found("2024-01-03-c", ["李强", "韦斯利·西米纳"]),
    found("2024-01-06-f", ["王毅"], { persons: ["蔡奇"] }),
    found("2024-01-07-g", [], { persons: ["赵乐际"] }),
    ...[1, 2, 3, 4, 5, 6, 7].map((day) => found(`2024-02-0${day}-x`, ["李强"])),
    found("2024-03-01-h", ["卢拉"]),
  ],
  { view: viewMeta },
);
const people = () => index.groups("persons").map((group) => [group.key, group.articles.length]);

describe("names found in the text", () => {
  it("fill only the fields the front matter leaves out, and say which", () => {
    const filled = index.get("2024-01-01-a");
    expect(filled?.persons).toEqual(["李强", "卢拉"]);
    expect(exportRecord(filled!, "https://example.org/").found).toEqual(["persons"]);
    const written = index.get("2024-01-06-f");
    expect(written?.persons).toEqual(["蔡奇"]);
    expect(exportRecord(written!, "https://example.org/").found).toEqual([]);
  });

  it("give a name its page once it is found in ten articles; a name in front matter always has one", () => {
    expect(people()).toEqual([
      ["李强", 10],
      ["蔡奇", 1],
      ["赵乐际", 1],
    ]);
    expect(index.group("persons", "卢拉")).toBeUndefined();
  });

  it("relate the articles sharing a name found in two of them, page or no page", () => {
    expect(index.related("2024-03-01-h").map((meta) => meta.id)).toEqual(["2024-01-01-a"]);
  });
});
