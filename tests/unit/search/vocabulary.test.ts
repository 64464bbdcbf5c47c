import { describe, expect, it } from "vitest";
import { VocabularyScanner } from "../../../src/lib/search/vocabulary.ts";

describe("the archive's vocabulary", () => {
  it("finds every pattern that occurs, overlapping ones and ones inside longer ones too", () => {
    const scanner = new VocabularyScanner(["干部", "扶贫干部", "贫干", "发展", "头发", "一只"]);
    scanner.scan("扶贫干部深入基层，推动发展。");
    for (const found of ["干部", "扶贫干部", "贫干", "发展"]) expect(scanner.has(found), found).toBe(true);
    for (const missing of ["头发", "一只"]) expect(scanner.has(missing), missing).toBe(false);
    expect(scanner.size).toBe(4);
  });

  it("remembers patterns across texts", () => {
    const scanner = new VocabularyScanner(["头发", "一只"]);
    scanner.scan("理发店");
    scanner.scan("白头发和一只猫");
    expect(scanner.has("头发") && scanner.has("一只")).toBe(true);
  });

  it("gives each group of texts its own list of what it contains", () => {
    const scanner = new VocabularyScanner(["头发", "一只", "干部"]);
    scanner.scan("白头发和一只猫");
    expect(scanner.takeFound()).toEqual(["一只", "头发"]);
    scanner.scan("一只猫和干部");
    expect(scanner.takeFound()).toEqual(["一只", "干部"]);
    expect(scanner.has("一只")).toBe(false);
  });
});
