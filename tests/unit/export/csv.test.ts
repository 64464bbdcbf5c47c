import { describe, expect, it } from "vitest";
import { toCsv } from "../../../src/lib/export/csv.ts";
import { toJson, toJsonl } from "../../../src/lib/export/json.ts";
import { exportRecord } from "../../../src/lib/export/records.ts";
import { meta, sampleMeta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const SITE = "https://archive.example.org";

describe("the CSV export", () => {
  const csv = toCsv([exportRecord(sampleMeta(), SITE), exportRecord(meta(STATE_COUNCIL_NOTICE), SITE)]);

  it("starts with a byte order mark and a header row, and ends rows with CR LF", () => {
    expect(csv.startsWith("\uFEFFid,title,kicker,subtitle,source,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
  });

  it("writes lists with the Chinese enumeration comma and absent fields as empty cells", () => {
    const row = csv.split("\r\n")[2] ?? "";
    expect(row.startsWith("2024-01-05-gf0001,国务院关于进一步优化营商环境的通知,,,中国政府网,,,,,")).toBe(true);
    const many = toCsv([exportRecord(meta({ ...STATE_COUNCIL_NOTICE, issuers: ["国家发展改革委", "财政部"] }), SITE)]);
    expect(many).toContain(",国家发展改革委、财政部,");
  });

  it("quotes cells holding commas, quotes or line breaks, and defuses spreadsheet formulas", () => {
    const tricky = meta({
      id: "2024-01-01-aaaaaa",
      title: '一, "二"\n三',
      kicker: "=HYPERLINK(1)",
      date: "2024-01-01",
      script: "hans",
    });
    const row = toCsv([exportRecord(tricky, SITE)])
      .split("\r\n")
      .slice(1)
      .join("\r\n");
    expect(row.startsWith(`2024-01-01-aaaaaa,"一, ""二""\n三",'=HYPERLINK(1),`)).toBe(true);
  });
});

describe("the JSON exports", () => {
  it("gives every record every field, nulls and empty lists for absent ones", () => {
    const [record] = JSON.parse(toJson([exportRecord(meta(STATE_COUNCIL_NOTICE), SITE)])) as Record<string, unknown>[];
    expect(record).toMatchObject({
      id: "2024-01-05-gf0001",
      kicker: null,
      authors: [],
      document_number: "国发〔2024〕1号",
      issuers: ["国务院"],
      status: "in_force",
      page_hant: "https://archive.example.org/zh-hant/articles/2024-01-05-gf0001/",
      // No file of the article's own by default: the month's zip holds it.
      markdown: null,
      markdown_zip: "https://archive.example.org/data/source/2024-01.zip",
    });
    const [withFiles] = JSON.parse(toJson([exportRecord(meta(STATE_COUNCIL_NOTICE), SITE, {}, true)])) as Record<
      string,
      unknown
    >[];
    expect(withFiles?.["markdown"]).toBe("https://archive.example.org/data/source/2024-01-05-gf0001.md");
  });

  it("writes one line per article in JSON Lines, bodies with line breaks included", () => {
    const record = { ...exportRecord(sampleMeta(), SITE), body: "第一段。\n\n第二段。" };
    const lines = toJsonl([record, record]).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ id: "2020-03-04-1h89qg", body: "第一段。\n\n第二段。" });
  });
});
