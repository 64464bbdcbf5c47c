import { configs as cn2t } from "opencc-js/preset/cn2t";
import { configs as t2cn } from "opencc-js/preset/t2cn";
import { describe, expect, it } from "vitest";
import {
  ArchiveAmbiguities,
  formatAmbiguityReport,
  reportableMarkdown,
  reportAmbiguities,
} from "../../../src/lib/script/ambiguity.ts";
import { AMBIGUOUS_TO_HANS, AMBIGUOUS_TO_HANT } from "../../../src/lib/script/ambiguous-chars.ts";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT, type Direction } from "../../../src/lib/script/direction.ts";
import { readCorpus } from "./corpus.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

describe.skipIf(!hasCorpus)("ambiguity report on real text", () => {
  const transcript = hasCorpus ? readCorpus("xwlb/20221017.md") : "";
  const report = reportAmbiguities(reportableMarkdown(transcript), createConverter(TO_HANT));

  it("groups ambiguous characters with counts, outcomes and a few places in context", () => {
    const hou = report.characters.find((c) => c.char === "斗");
    expect(hou?.count).toBeGreaterThan(10);
    expect(hou?.outcomes.map((o) => o.form)).toContain("鬥");
    expect(hou?.examples.length).toBeLessThanOrEqual(3);
    for (const character of report.characters) {
      expect(character.examples.length).toBeLessThanOrEqual(3);
      expect(character.outcomes.reduce((sum, o) => sum + o.count, 0)).toBe(character.count);
    }
    const lines = transcript.split("\n");
    for (const example of report.characters.flatMap((c) => c.examples)) {
      // Line and column point at the character in the original file.
      expect([...(lines[example.line - 1] ?? "")][example.column - 1]).toBe(example.text);
    }
  });

  it("puts characters with mixed outcomes first, and shows their rare outcome", () => {
    const mixed = report.characters.filter((c) => c.outcomes.length > 1);
    expect(mixed.length).toBeGreaterThan(0);
    expect(report.characters.slice(0, mixed.length)).toEqual(mixed);
    for (const character of mixed) {
      const rare = character.outcomes.at(-1)?.form;
      expect(
        character.examples.some((e) => e.outText === rare),
        character.char,
      ).toBe(true);
    }
  });

  it("lists the override rules that fired, with where", () => {
    const fired = report.rules.find((r) => r.rule.term === "新征程");
    expect(fired?.rule.layer).toBe("builtin");
    expect(fired?.count).toBe(transcript.split("新征程").length - 1);
    expect(fired?.examples[0]?.outText).toBe("新征程");
    // No ambiguous character is reported inside a rule's span: the rule decided it.
    expect(
      report.characters
        .find((c) => c.char === "征")
        ?.examples.every((e) => e.outText !== "征" || !e.after.startsWith("程")),
    ).not.toBe(false);
  });

  it("lists rule terms that occur but did not fire, with the reason visible in context", () => {
    const converter = createConverter(TO_HANT).withRules({ protect: ["余秋雨"] });
    const result = reportAmbiguities("余秋雨说：其余秋雨绵绵。", converter);
    expect(result.rules.map((r) => [r.rule.term, r.count])).toEqual([["余秋雨", 1]]);
    expect(result.notApplied.map((r) => [r.rule.term, r.count])).toEqual([["余秋雨", 1]]);
    expect(result.notApplied[0]?.examples[0]?.before).toBe("余秋雨说：其");
  });

  it("leaves code, URLs and protected spans of a Markdown body out of the report", () => {
    const body = '关于[链接](https://example.cn/后记)和`后台`及<span translate="no">以后</span>。\n以后';
    const masked = reportableMarkdown(body);
    expect(masked.length).toBe(body.length);
    const result = reportAmbiguities(masked, createConverter(TO_HANT));
    const hou = result.characters.find((c) => c.char === "后");
    expect(hou?.count).toBe(1);
    expect(hou?.examples[0]?.line).toBe(2);
  });

  it("works from Traditional: the sample article has nothing ambiguous, 乾 and 著 do", () => {
    // The Taiyuan page's own conversion wrote 關于 and 干部, so no 於 or 乾 is left to decide.
    const sample = reportAmbiguities(readCorpus("raw/taiyuan-2020-03-04.txt"), createConverter(TO_HANS));
    expect(sample.characters).toEqual([]);
    const result = reportAmbiguities("乾隆年間的著作，看著乾淨。", createConverter(TO_HANS));
    expect(result.direction).toEqual(TO_HANS);
    const qian = result.characters.find((c) => c.char === "乾");
    expect(qian?.outcomes.map((o) => o.form).sort()).toEqual(["乾", "干"]);
    const zhu = result.characters.find((c) => c.char === "著");
    expect(zhu?.outcomes.map((o) => o.form).sort()).toEqual(["着", "著"]);
    const formatted = formatAmbiguityReport(result);
    expect(formatted).toMatch(/^ambiguous characters \(hant→hans\): 2 kinds in 4 places/);
    expect(formatted).toContain("1:6  …乾隆年間的【著】作，看著乾淨。… → …乾隆年间的【著】作，看着干净。…");
  });

  it("prints nothing for text with nothing to report", () => {
    expect(formatAmbiguityReport(reportAmbiguities("2024年，ABC。", createConverter(TO_HANT)))).toBe("");
  });
});

/** What each character becomes in opencc-js's own phrase tables, converted by the whole chain. */
function outcomesFromDictionaries(direction: Direction): Map<string, Set<string>> {
  const config = direction.to === "hant" ? cn2t["s2tw"] : t2cn["tw2s"];
  const converter = createConverter(direction, { builtins: false });
  const outcomes = new Map<string, Set<string>>();
  const dicts = [config?.segmentation ?? [], ...(config?.conversionChain ?? [])]
    .flat(2)
    .filter((d): d is string => typeof d === "string");
  for (const dict of dicts) {
    for (const entry of dict.split("|")) {
      const [source] = entry.split(" ");
      if (!source) continue;
      const from = [...source];
      const to = [...converter.convert(source)];
      if (from.length !== to.length) continue;
      from.forEach((char, i) => {
        const set = outcomes.get(char) ?? new Set<string>();
        set.add(to[i] ?? "");
        outcomes.set(char, set);
      });
    }
  }
  return outcomes;
}

describe("the table of ambiguous characters", () => {
  it.each([
    ["hans→hant", TO_HANT, AMBIGUOUS_TO_HANT],
    ["hant→hans", TO_HANS, AMBIGUOUS_TO_HANS],
  ] as const)("agrees with opencc-js's own dictionaries (%s)", (_, direction, table) => {
    const outcomes = outcomesFromDictionaries(direction);
    for (const [char, candidates] of table) {
      const seen = outcomes.get(char);
      expect(seen, char).toBeDefined();
      expect(candidates.length, char).toBeGreaterThan(1);
      for (const form of candidates) expect(seen?.has(form), `${char} → ${form}`).toBe(true);
    }
  });

  it("covers the characters the project set out to watch", () => {
    for (const char of "后发干台系面里于余征制范历斗钟只松云") expect(AMBIGUOUS_TO_HANT.has(char), char).toBe(true);
  });
});

describe.skipIf(!hasCorpus)("archive-wide report of uncertain decisions", () => {
  const names = hasCorpus ? ["xwlb/20221017.md", "xwlb/20221022.md", "xwlb/20230310.md"] : [];
  const archive = new ArchiveAmbiguities();
  let allPlaces = 0;
  for (const name of names) {
    const text = reportableMarkdown(readCorpus(name));
    archive.add(name, text, createConverter(TO_HANT));
    allPlaces += reportAmbiguities(text, createConverter(TO_HANT)).characters.reduce((sum, c) => sum + c.count, 0);
  }

  it("lists a small part of the ambiguous places, most places first, each pointing at its character", () => {
    const phrases = archive.phrases;
    const places = phrases.reduce((sum, phrase) => sum + phrase.count, 0);
    expect(places).toBeGreaterThan(0);
    expect(places).toBeLessThan(allPlaces / 10);
    expect(phrases.map((phrase) => phrase.count)).toEqual(
      [...phrases.map((phrase) => phrase.count)].sort((a, b) => b - a),
    );
    for (const { char, example } of phrases) {
      const line = readCorpus(example.file).split("\n")[example.line - 1] ?? "";
      expect([...line][example.column - 1]).toBe(char);
    }
  });

  it("names the learned words, names and rules that fired, with their evidence", () => {
    const fired = archive.fired;
    expect(fired.find((firing) => firing.label === "新征程 → 新征程")?.evidence).toMatch(/^builtin pair/);
    expect(fired.every((firing) => firing.count > 0)).toBe(true);
    expect(archive.format(5).split("\n").length).toBeLessThan(20);
  });
});
