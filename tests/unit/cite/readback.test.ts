import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Cite, type CslData } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { parse as parseBibtex, type Creator } from "@retorquere/bibtex-parser";
import { BibLatexParser, CSLExporter } from "biblatex-csl-converter";
import { describe, expect, it } from "vitest";
import { readXwlbItems } from "../../../bench/fixtures.ts";
import { bibtex } from "../../../src/lib/cite/bibtex.ts";
import { cslJson } from "../../../src/lib/cite/csl.ts";
import { citationItem, type CitationItem } from "../../../src/lib/cite/item.ts";
import { ris } from "../../../src/lib/cite/ris.ts";
import { CORPUS, hasCorpus } from "../../helpers/corpus.ts";
import { meta, sampleMeta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";
import { xwlbFrontMatter } from "../../helpers/xwlb.ts";

// Every download is read back by the parsers reference tools use: citation-js (BibTeX,
// RIS, CSL-JSON), the parser of Better BibTeX for Zotero, and biblatex-csl-converter
// (Fidus Writer's biblatex reader). What each must find is written below from the
// article's front matter, not from the formatters' output.

/** What one reader made of one download, in common terms. */
interface Reading {
  type: string;
  title: string;
  /** Each creator as one string, or "given|family" when the reader split it. */
  names: string[];
  date: number[];
  container?: string;
  publisher?: string;
  number?: string;
  url: string;
}

const READERS = ["citation-js BibTeX", "Better BibTeX", "biblatex-csl-converter", "citation-js RIS", "citation-js CSL"];

/** The type each reader must give, by kind of article. */
const TYPES: Record<"newspaper" | "broadcast" | "policy", string[]> = {
  newspaper: [
    "article-journal/newspaper",
    "article/newspaper",
    "article-newspaper",
    "article-newspaper",
    "article-newspaper",
  ],
  broadcast: ["webpage", "online", "webpage", "broadcast", "broadcast"],
  policy: ["report", "report", "report", "report", "legislation"],
};

function fromCsl(data: CslData): Reading {
  const names = (data["author"] as { literal?: string; family?: string; given?: string }[] | undefined) ?? [];
  const publisher = data["authority"] ?? data["publisher"];
  return {
    type: `${String(data["type"])}${data["genre"] === "newspaper" ? "/newspaper" : ""}`,
    // CSL marks text kept from case changes as <span class="nocase">: the words are the same.
    title: String(data["title"]).replace(/<\/?span[^>]*>/g, ""),
    names: names.map((name) => (name.given ? `${name.given}|${name.family}` : (name.literal ?? name.family ?? ""))),
    date: (data["issued"] as { "date-parts"?: number[][] } | undefined)?.["date-parts"]?.[0]?.map(Number) ?? [],
    ...optional("container", data["container-title"] ?? data["collection-title"]),
    ...optional("publisher", Array.isArray(publisher) ? publisher.join("、") : publisher),
    ...optional("number", data["number"] ?? data["collection-number"]),
    url: String(data["URL"]),
  };
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: String(value) } as { [P in K]?: string });
}

async function citationJs(text: string): Promise<Reading> {
  const { data } = await Cite.async(text);
  expect(data).toHaveLength(1);
  return fromCsl(data[0] ?? {});
}

function betterBibtex(text: string): Reading {
  const library = parseBibtex(text);
  expect(library.errors).toEqual([]);
  const [entry] = library.entries;
  if (!entry) throw new Error("no entry");
  const { fields } = entry;
  const creator = (name: Creator) =>
    name.firstName ? `${name.firstName}|${name.lastName}` : (name.name ?? name.lastName ?? "");
  const publisher = fields.organization ?? fields.institution;
  return {
    type: `${entry.type}${fields["entrysubtype"] ? `/${fields["entrysubtype"]}` : ""}`,
    title: fields["title"] ?? "",
    names: (fields.author ?? []).map(creator),
    date: (fields["date"] ?? "").split("-").map(Number),
    ...optional("container", fields["journal"] ?? fields["journaltitle"] ?? fields["maintitle"]),
    ...optional("publisher", publisher?.join("、")),
    ...optional("number", fields["number"]),
    url: fields["url"] ?? "",
  };
}

function biblatexCslConverter(text: string): Reading {
  const parsed = new BibLatexParser(text, { processUnexpected: true, processUnknown: true }).parse();
  expect(parsed.errors).toEqual([]);
  const items = Object.values(new CSLExporter(parsed.entries).parse());
  expect(items).toHaveLength(1);
  return fromCsl(items[0] as CslData);
}

/** Reads an item's three downloads with every reader, in the order of READERS. */
async function readBack(item: CitationItem): Promise<Reading[]> {
  const bib = bibtex(item);
  return [
    await citationJs(bib),
    betterBibtex(bib),
    biblatexCslConverter(bib),
    await citationJs(ris(item)),
    await citationJs(cslJson([item])),
  ];
}

/** What every reader must find in an item's downloads; a reader that has no place for a field is exempt. */
function problems(item: CitationItem, readings: Reading[]): string[] {
  const kind = item.kind === "policy" ? "policy" : item.medium === "broadcast" ? "broadcast" : "newspaper";
  const found: string[] = [];
  const check = (reader: string, field: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      found.push(`${item.id} ${reader} ${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
  };
  readings.forEach((reading, index) => {
    const reader = READERS[index] ?? "";
    // biblatex-csl-converter's CSL export keeps neither maintitle nor organization of @online.
    const placeless = reader === "biblatex-csl-converter" && kind === "broadcast";
    check(reader, "type", reading.type, TYPES[kind][index]);
    check(reader, "title", reading.title, item.title);
    check(reader, "names", reading.names, item.authors);
    check(reader, "date", reading.date, item.day.split("-").map(Number));
    check(reader, "url", reading.url, item.url);
    if (kind !== "policy" && !placeless) check(reader, "container", reading.container, item.container);
    if (kind === "broadcast" && !placeless) check(reader, "publisher", reading.publisher, item.publisher);
    if (kind === "policy") {
      check(reader, "number", reading.number, item.documentNumber);
      if (reader !== "biblatex-csl-converter") check(reader, "issuer", reading.publisher, item.authors.join("、"));
    }
  });
  return found;
}

const URL_BASE = "https://archive.example.org/zh-hans/articles/";
const cite = (fields: Record<string, unknown>) =>
  citationItem(meta(fields), { url: `${URL_BASE}${String(fields["id"])}/`, script: "hans" });

const LAWS = path.join(CORPUS, "laws");
const NATIONAL_BODIES = /全国人民代表大会常务委员会|全国人民代表大会|国务院|最高人民法院|最高人民检察院/;

/**
 * A policy document's front matter built from a file of the laws corpus, as an editor
 * would file it: title from the heading, issuing body, date and number (国务院令第N号,
 * 主席令第N号) from the first line of its history, its category as document type.
 */
function lawFrontMatter(file: string, index: number): Record<string, unknown> | undefined {
  const lines = readFileSync(path.join(LAWS, file), "utf8").split("\n", 6);
  const title = /^# (.+)$/.exec(lines[0] ?? "")?.[1]?.trim();
  const history = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.+)$/.exec(lines[2]?.trim() ?? "");
  const issuer = NATIONAL_BODIES.exec(history?.[4] ?? "")?.[0];
  if (!title || !history || !issuer) return undefined;
  const day = [history[1], history[2], history[3]].map((part) => part?.padStart(2, "0")).join("-");
  const number = /中华人民共和国(?:国务院|主席)令第\d+号/.exec(history[4] ?? "")?.[0];
  return {
    id: `${day}-law${String(index).padStart(3, "0")}`,
    title,
    date: day,
    script: "hans",
    issuers: [issuer],
    document_type: path.dirname(file),
    ...(number ? { document_number: number } : {}),
  };
}

/** Up to `limit` documents of each of a few categories of the laws corpus. */
function lawItems(limit: number): CitationItem[] {
  const items: CitationItem[] = [];
  for (const category of ["行政法规", "司法解释", "行政法", "经济法", "宪法相关法"]) {
    const files = readdirSync(path.join(LAWS, category))
      .filter((name) => name.endsWith(".md") && name !== "_index.md")
      .sort()
      .map((name) => path.join(category, name));
    let taken = 0;
    for (const file of files) {
      const fields = taken < limit ? lawFrontMatter(file, items.length) : undefined;
      if (!fields) continue;
      items.push(cite(fields));
      taken++;
    }
  }
  return items;
}

describe("downloads read back by reference tools", () => {
  it("keep the Taiyuan report's type, author, full date, newspaper and link", async () => {
    const item = citationItem(sampleMeta(), { url: `${URL_BASE}2020-03-04-1h89qg/`, script: "hant" });
    expect(item.authors).toEqual(["李全宏"]);
    expect(problems(item, await readBack(item))).toEqual([]);
  });

  it("keep Chinese names whole, compound surnames included, and every author of a report", async () => {
    const item = cite({
      id: "2024-03-01-aaaaaa",
      title: "标题",
      date: "2024-03-01",
      script: "hans",
      source: "人民日报",
      authors: ["欧阳明", "司马光", "李四", "王五"],
    });
    expect(problems(item, await readBack(item))).toEqual([]);
  });

  it("keep a notice's issuing bodies, document number and date of issue", async () => {
    const one = cite(STATE_COUNCIL_NOTICE);
    const two = cite({ ...STATE_COUNCIL_NOTICE, issuers: ["国家发展改革委", "财政部"] });
    expect([...problems(one, await readBack(one)), ...problems(two, await readBack(two))]).toEqual([]);
  });

  it.skipIf(!hasCorpus)("keep xwlb items as broadcasts of 新闻联播 by 央视网, with their full date", async () => {
    const items = readXwlbItems(600).map((xwlb) => cite(xwlbFrontMatter(xwlb)));
    expect(items.every((item) => item.medium === "broadcast")).toBe(true);
    const found: string[] = [];
    for (const item of items) found.push(...problems(item, await readBack(item)));
    expect(found).toEqual([]);
  });

  it.skipIf(!hasCorpus)("keep laws and regulations of the corpus with issuer, number and date", async () => {
    const items = lawItems(8);
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(items.filter((item) => item.documentNumber !== undefined).length).toBeGreaterThanOrEqual(5);
    const found: string[] = [];
    for (const item of items) found.push(...problems(item, await readBack(item)));
    expect(found).toEqual([]);
  });
});
