import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../../../src/lib/script/direction.ts";

interface GoldenEntry {
  hans: string;
  hant: string;
  only?: "to-hant" | "to-hans";
}

const golden = parse(readFileSync(new URL("./golden.yaml", import.meta.url), "utf8")) as GoldenEntry[];
const toHant = createConverter(TO_HANT);
const toHans = createConverter(TO_HANS);

describe("golden set of hard policy phrases", () => {
  it("has at least 370 distinct phrases", () => {
    expect(new Set(golden.map((entry) => entry.hans)).size).toBeGreaterThanOrEqual(370);
  });

  it.each(golden.filter((entry) => entry.only !== "to-hans"))("$hans → $hant (to Traditional)", ({ hans, hant }) => {
    expect(toHant.convert(hans)).toBe(hant);
  });

  it.each(golden.filter((entry) => entry.only !== "to-hant"))("$hant → $hans (to Simplified)", ({ hans, hant }) => {
    expect(toHans.convert(hant)).toBe(hans);
  });
});
