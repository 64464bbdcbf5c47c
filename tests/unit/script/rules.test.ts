import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { conversionRules, convertText, createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../../../src/lib/script/direction.ts";
import { convertMetaFields } from "../../../src/lib/script/meta.ts";
import { loadSiteRules, parseSiteRules, SiteRulesError, siteRulesPath } from "../../../src/lib/script/site-rules.ts";
import { validateFrontMatter } from "../../../src/lib/article/schema.ts";
import { splitFrontMatter } from "../../../src/lib/article/frontmatter.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

describe("override layers", () => {
  it("protect keeps a term exactly as written in both directions", () => {
    const toHant = createConverter(TO_HANT).withRules({ protect: ["后羿"] });
    expect(toHant.convert("后羿射日以后")).toBe("后羿射日以後");
    const toHans = createConverter(TO_HANS).withRules({ protect: ["臺灣"] });
    expect(toHans.convert("臺灣的發展")).toBe("臺灣的发展");
  });

  it("a pair maps hans→hant one way and hant→hans the other", () => {
    const rules = { pairs: [{ hans: "数据", hant: "資料" }] };
    expect(createConverter(TO_HANT).withRules(rules).convert("数据安全")).toBe("資料安全");
    expect(createConverter(TO_HANS).withRules(rules).convert("資料安全")).toBe("数据安全");
    // Without the rule, nothing renames anything.
    expect(createConverter(TO_HANT).convert("数据安全")).toBe("數據安全");
  });

  it("later layers win: article over site over built-in", () => {
    const site = createConverter(TO_HANT, { siteRules: { pairs: [{ hans: "新征程", hant: "新徵程" }] } });
    expect(site.convert("新征程")).toBe("新徵程");
    expect(createConverter(TO_HANT).convert("新征程")).toBe("新征程");
    const article = site.withRules({ protect: ["新征程"] });
    expect(article.convert("新征程")).toBe("新征程");
    const pairOverSite = createConverter(TO_HANT, { siteRules: { protect: ["发展"] } }).withRules({
      pairs: [{ hans: "发展", hant: "發展!" }],
    });
    expect(pairOverSite.convert("发展")).toBe("發展!");
  });

  it("the rules in force can be had without building a converter, and are the converter's own", () => {
    const siteRules = { pairs: [{ hans: "新征程", hant: "新徵程" }], protect: ["臺灣"] };
    for (const direction of [TO_HANT, TO_HANS]) {
      const rules = conversionRules(direction, { siteRules });
      expect(rules).toEqual(createConverter(direction, { siteRules }).rules);
      expect(rules.some((rule) => rule.term === (direction === TO_HANT ? "新征程" : "新徵程"))).toBe(true);
    }
  });

  it("the longer term wins where two rules start at the same place", () => {
    const converter = createConverter(TO_HANT).withRules({
      protect: ["余"],
      pairs: [{ hans: "余光中", hant: "余光中（詩人）" }],
    });
    expect(converter.convert("余光中、余")).toBe("余光中（詩人）、余");
    // 其余 is one OpenCC word, so the 余 inside it is not where a rule can start.
    expect(converter.convert("其余")).toBe("其餘");
  });

  it("a rule fires only where its term starts a word, like OpenCC's own phrases", () => {
    const converter = createConverter(TO_HANT).withRules({ protect: ["余秋雨"] });
    expect(converter.convert("余秋雨说")).toBe("余秋雨說");
    expect(converter.convert("其余秋雨绵绵")).toBe("其餘秋雨綿綿");
  });

  it("built-in surname rules skip 余 after a number, where it means 'more than'", () => {
    const converter = createConverter(TO_HANT);
    expect(converter.convert("作家余华和三十余华人")).toBe("作家余華和三十餘華人");
    expect(converter.convert("余主任和300余名代表")).toBe("余主任和300餘名代表");
  });

  it("can be turned off for measurements", () => {
    expect(createConverter(TO_HANT, { builtins: false }).convert("于书记")).toBe("於書記");
    expect(createConverter(TO_HANT).convert("于书记")).toBe("于書記");
  });

  it("reports every rule in force, one per term", () => {
    const converter = createConverter(TO_HANT, { siteRules: { protect: ["新征程"] } });
    const rules = converter.rules.filter((rule) => rule.term === "新征程");
    expect(rules).toHaveLength(1);
    expect(rules[0]?.layer).toBe("site");
  });
});

describe("front matter", () => {
  const sample = readFileSync(path.join(REPO, "content/articles/2020/03/2020-03-04-1h89qg.md"), "utf8");

  it("converts the reader-facing fields of the sample article and leaves ids, dates and URLs", () => {
    const checked = validateFrontMatter(splitFrontMatter(sample).data);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const converted = convertMetaFields(checked.meta, createConverter(TO_HANS));
    expect(converted.title).toBe("全省脱贫攻坚问题排查整改暨挂牌督战工作部署会召开");
    expect(converted.kicker).toBe("楼阳生对脱贫攻坚提出要求");
    expect(converted.source).toBe("山西日报");
    expect(converted.authors).toEqual(["李全宏"]);
    expect(converted.id).toBe(checked.meta.id);
    expect(converted.date).toEqual(checked.meta.date);
    expect(converted.script).toBe("hant");
  });

  it("applies an article's own rules from its front matter", () => {
    const checked = validateFrontMatter({
      id: "2024-01-01-abcdef",
      title: "于老师谈余秋雨的新书",
      date: "2024-01-01",
      script: "hans",
      persons: ["于老师", "余秋雨"],
      conversion: { protect: ["于老师"], pairs: [{ hans: "新书", hant: "新著" }] },
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const converter = createConverter(TO_HANT).withRules(checked.meta.conversion);
    const converted = convertMetaFields(checked.meta, converter);
    expect(converted.title).toBe("于老师談余秋雨的新著");
    expect(converted.persons).toEqual(["于老师", "余秋雨"]);
    expect(convertText("于是", createConverter(TO_HANT))).toBe("於是");
    // The article's rules stay with that article's converter.
    expect(convertText("新书", createConverter(TO_HANT))).toBe("新書");
  });
});

describe("site rules file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "site-rules-"));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("loads the project's own content/conversion.yaml", async () => {
    const rules = await loadSiteRules(siteRulesPath(path.join(REPO, "content")));
    expect(rules.protect ?? []).toEqual(expect.any(Array));
  });

  it("reads protect and pairs, and treats a missing or comment-only file as no rules", async () => {
    const file = write("good.yaml", "# site rules\nprotect: [余光中]\npairs:\n  - { hans: 数据, hant: 資料 }\n");
    expect(await loadSiteRules(file)).toEqual({ protect: ["余光中"], pairs: [{ hans: "数据", hant: "資料" }] });
    expect(await loadSiteRules(path.join(dir, "absent.yaml"))).toEqual({});
    expect(await loadSiteRules(write("comments.yaml", "# nothing yet\n"))).toEqual({});
  });

  it("names the file, the line and the field for a rule with a missing side", async () => {
    const file = write("bad-pair.yaml", "pairs:\n  - { hans: 数据 }\n");
    const error = await loadSiteRules(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiteRulesError);
    expect(String((error as Error).message)).toContain(file);
    expect((error as Error).message).toMatch(/line 2: pairs, entry 1, hant: expected the term in Traditional script/);
  });

  it("rejects malformed YAML, unknown fields and a wrong shape with clear messages", () => {
    expect(() => parseSiteRules("protect: [余光中\n", "conversion.yaml")).toThrow(/conversion\.yaml: .*malformed YAML/);
    expect(() => parseSiteRules("protekt: [余光中]\n", "conversion.yaml")).toThrow(/unknown field "protekt"/);
    expect(() => parseSiteRules("protect: 余光中\n", "conversion.yaml")).toThrow(/protect: expected a list of terms/);
    expect(() => parseSiteRules("- 余光中\n", "conversion.yaml")).toThrow(/conversion\.yaml: the file:/);
  });
});
