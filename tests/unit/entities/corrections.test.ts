import { describe, expect, it } from "vitest";
import { EntityCorrectionsError, parseEntityCorrections } from "../../../src/lib/entities/index.ts";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS } from "../../../src/lib/script/direction.ts";

const problems = (text: string): string => {
  try {
    parseEntityCorrections(text, "entities.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(EntityCorrectionsError);
    return (error as Error).message;
  }
  throw new Error("no error");
};

describe("the corrections file", () => {
  it("reads aliases, never and always; an empty file corrects nothing", () => {
    const corrections = parseEntityCorrections(
      "aliases:\n  发改委: 国家发展和改革委员会\nnever:\n  - 央视网\nalways:\n  persons: [张三]\n  places: [八角中里]\n",
      "entities.yaml",
    );
    expect(corrections.aliases.get("发改委")).toBe("国家发展和改革委员会");
    expect(corrections.never.has("央视网")).toBe(true);
    expect(corrections.always).toEqual([
      { name: "张三", kind: "persons" },
      { name: "八角中里", kind: "places" },
    ]);
    expect(parseEntityCorrections("# nothing yet\n", "entities.yaml").always).toEqual([]);
  });

  it("finds names unless told `find: false`, and says what `find` takes", () => {
    expect(parseEntityCorrections("never: [央视网]\n", "entities.yaml").find).toBe(true);
    expect(parseEntityCorrections("find: false\n", "entities.yaml").find).toBe(false);
    expect(problems("find: no thanks\n")).toBe("entities.yaml: line 1: find: expected true or false");
  });

  it("takes names in Traditional script under their Simplified key", () => {
    const toHans = createConverter(TO_HANS);
    const corrections = parseEntityCorrections("never: [央視網]\n", "entities.yaml", (t) => toHans.convert(t));
    expect(corrections.never.has("央视网")).toBe(true);
  });

  it("names the line and what was expected", () => {
    expect(problems("nevr: [央视网]\n")).toMatch(/unknown field "nevr".*aliases, never, always/);
    expect(problems("never: 央视网\n")).toMatch(/line 1: never: expected a list of names/);
    expect(problems("always:\n  people: [张三]\n")).toMatch(/line 2: always: unknown field "people"/);
    expect(problems("aliases:\n  - 发改委\n")).toMatch(/aliases: expected a mapping/);
    expect(problems("never: [\n")).toMatch(/malformed YAML/);
  });

  it("refuses rules that contradict each other", () => {
    expect(problems("aliases:\n  甲: 乙\n  乙: 丙\n")).toMatch(/乙 is itself an alias of 丙/);
    expect(problems("never: [张三]\nalways:\n  persons: [张三]\n")).toMatch(/张三 is also under never/);
    expect(problems("always:\n  persons: [长江]\n  places: [长江]\n")).toMatch(/长江 is under both persons and places/);
  });
});
