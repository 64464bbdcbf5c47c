import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readXwlbItems } from "../../../bench/fixtures.ts";
import { hasCorpus } from "../../helpers/corpus.ts";
import { createConverter, TO_HANS, TO_HANT } from "../../../src/lib/script/index.ts";
import { openccSteps } from "../../../src/lib/search/opencc-steps.ts";
import { createQueryConverter } from "../../../src/lib/search/query-converter.ts";
import { buildQueryTable, tablePatterns, triggerCharacters } from "../../../src/lib/search/query-table.ts";
import { decodeCharacterSet, encodeCharacterSet } from "../../../src/lib/search/trigger.ts";
import { VocabularyScanner } from "../../../src/lib/search/vocabulary.ts";

const toHant = createConverter(TO_HANT);
const toHans = createConverter(TO_HANS);

const items = hasCorpus ? readXwlbItems(1500) : [];
const golden = parse(readFileSync(new URL("../script/golden.yaml", import.meta.url), "utf8")) as { hans: string }[];
const querySet = (
  JSON.parse(readFileSync(new URL("../../../bench/search-queries.json", import.meta.url), "utf8")) as {
    queries: { query: string }[];
  }
).queries.map((entry) => entry.query);

/**
 * The archive, in both scripts as the site has them: 1,500 xwlb items, the hard phrases of
 * the conversion golden set, and the search-quality queries (which come from the whole corpus).
 */
const hansTexts = [
  ...items.map((item) => `${item.title}\n${item.html.replace(/<[^>]+>/g, "")}`),
  ...golden.map((entry) => entry.hans),
  ...querySet.map((query) => query.replaceAll('"', "")),
];
const hantTexts = hansTexts.map((text) => toHant.convert(text));

const steps = { toHant: openccSteps(TO_HANT), toHans: openccSteps(TO_HANS) };
const vocabulary = new VocabularyScanner(tablePatterns([steps.toHant, steps.toHans]));
for (const text of [...hansTexts, ...hantTexts]) vocabulary.scan(text);
const occurs = (text: string): boolean => vocabulary.has(text);

const rules = { toHant: toHant.rules, toHans: toHans.rules };
const tables = {
  toHant: buildQueryTable(steps.toHant, rules.toHant, occurs),
  toHans: buildQueryTable(steps.toHans, rules.toHans, occurs),
};
const browser = { toHant: createQueryConverter(tables.toHant), toHans: createQueryConverter(tables.toHans) };

const headlineStretches = items
  .filter((_, index) => index % 5 === 0)
  .flatMap((item) => {
    const chars = Array.from(item.title.replace(/^【[^】]*】/, ""));
    return [1, 4].map((start, i) => chars.slice(start, start + 2 + ((start + i) % 4) * 2).join(""));
  })
  .filter((query) => query.length >= 2);
const hansQueries = [
  ...new Set([
    ...querySet,
    ...headlineStretches,
    ...golden.map((g) => g.hans),
    "乡村振興",
    "新征程 高質量發展",
    "APEC會議",
  ]),
];
const hantQueries = [...new Set(hansQueries.map((query) => toHant.convert(query)))];

describe.skipIf(!hasCorpus)("query conversion in the browser", () => {
  it("is checked on several hundred real queries", () => {
    expect(hansQueries.length).toBeGreaterThan(400);
  });

  it("converts Simplified queries exactly as the site converts pages to Traditional", () => {
    const differ = hansQueries.filter((query) => browser.toHant(query) !== toHant.convert(query));
    expect(differ).toEqual([]);
  });

  it("converts random stretches of archive text exactly as the page converter converts them", () => {
    // A fixed-seed generator, so a failure names stretches that can be reproduced.
    let seed = 12;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const stretch = (texts: readonly string[]): string => {
      const text = texts[random(texts.length)] ?? "";
      const start = random(Math.max(1, text.length - 1));
      return text.slice(start, start + 1 + random(16));
    };
    const differ: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const hans = stretch(hansTexts);
      if (browser.toHant(hans) !== toHant.convert(hans)) differ.push(hans);
      const hant = stretch(hantTexts);
      if (browser.toHans(hant) !== toHans.convert(hant)) differ.push(hant);
    }
    expect(differ).toEqual([]);
  });

  it("fetches only the parts of the word lexicon a query needs, and then converts it exactly", () => {
    const words = tables.toHant.words;
    if (!words) throw new Error("the Simplified→Traditional table has no word lexicon");
    const inFiles = createQueryConverter({
      ...tables.toHant,
      words: { ...words, lexicon: words.lexicon.map(() => ""), urls: words.lexicon.map((_, part) => `part-${part}`) },
    });
    const whole = words.lexicon.reduce((sum, part) => sum + part.length, 0);
    for (const query of hansQueries.slice(0, 200)) {
      const missing = inFiles.missing(query);
      expect(missing.length).toBeLessThanOrEqual(query.length);
      for (const { part, url } of missing) {
        expect(url).toBe(`part-${part}`);
        inFiles.add(part, words.lexicon[part] ?? "");
      }
      expect(inFiles.missing(query)).toEqual([]);
      expect(inFiles(query), query).toBe(toHant.convert(query));
    }
    const needed = new Set(Array.from("乡村振兴", (char) => char.charCodeAt(0) % words.lexicon.length));
    const size = [...needed].reduce((sum, part) => sum + (words.lexicon[part]?.length ?? 0), 0);
    expect(size).toBeLessThan(whole / 8);
  });

  it("converts Traditional queries exactly as the site converts pages to Simplified", () => {
    const differ = hantQueries.filter((query) => browser.toHans(query) !== toHans.convert(query));
    expect(differ).toEqual([]);
  });

  it("turns a Simplified query into the Traditional words of the converted pages", () => {
    expect(browser.toHant("乡村振兴")).toBe("鄉村振興");
    expect(browser.toHant("扶贫干部")).toBe("扶貧幹部");
    expect(browser.toHant("奋进新征程")).toBe("奮進新征程");
  });

  it("turns a Traditional or mixed query into Simplified", () => {
    expect(browser.toHans("脫貧攻堅")).toBe("脱贫攻坚");
    expect(browser.toHans("乡村振興")).toBe("乡村振兴");
  });

  it("leaves Latin letters, digits and quotation marks alone", () => {
    expect(browser.toHant('"APEC会议" 2020年')).toBe('"APEC會議" 2020年');
  });

  it("needs the table only for queries with a character it changes", () => {
    for (const [name, queries, convert] of [
      ["toHant", hansQueries, browser.toHant],
      ["toHans", hantQueries, browser.toHans],
    ] as const) {
      const trigger = decodeCharacterSet(encodeCharacterSet(triggerCharacters(steps[name], rules[name], occurs)));
      const missed = queries.filter((query) => !trigger(query) && convert(query) !== query);
      expect(missed).toEqual([]);
    }
    const hantTrigger = decodeCharacterSet(encodeCharacterSet(triggerCharacters(steps.toHant, toHant.rules, occurs)));
    expect(hantTrigger("乡村振兴")).toBe(true);
    expect(hantTrigger("APEC 2020")).toBe(false);
  });

  it("ships a small part of the Simplified-to-Traditional phrase table", () => {
    const full = [...steps.toHant.chain[0]!.keys()].filter((key) => Array.from(key).length > 1).length;
    const kept = tables.toHant.chain[0]!.split(/[|,]/).length;
    expect(kept).toBeLessThan(full / 5);
    // Most of it is the word lexicon the pages were segmented with (about 30,000 words of
    // these 1,500 items, 125 KB gzipped), fetched only for a query typed in the other script.
    expect(gzipSync(JSON.stringify(tables.toHant)).length).toBeLessThan(180_000);
    expect(gzipSync(JSON.stringify(tables.toHans)).length).toBeLessThan(60_000);
  });
});
