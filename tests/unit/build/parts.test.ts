import { describe, expect, it } from "vitest";
import { parseSpan, planParts, spanHolds, spanName, spanOf } from "../../../src/lib/build/parts.ts";
import { buildRole, makesArticle, makesListings } from "../../../src/lib/build/role.ts";

describe("parts of a build", () => {
  it("puts a year in the same fixed block of years whatever else the archive holds", () => {
    expect(spanName(spanOf(2023, 1))).toBe("2023");
    expect(spanName(spanOf(2020, 3))).toBe("2019-2021");
    expect(spanName(spanOf(2022, 3))).toBe("2022-2024");
    expect(planParts([2024, 2019, 2020, 2023, 2029], 3).map(spanName)).toEqual(["2019-2021", "2022-2024", "2028-2030"]);
  });

  it("reads a part's name back, and refuses what is not a year or a span", () => {
    expect(parseSpan("2019-2021")).toEqual({ first: 2019, last: 2021 });
    expect(parseSpan("2023")).toEqual({ first: 2023, last: 2023 });
    expect(() => parseSpan("2021-2019")).toThrow(/span of years/);
    expect(() => parseSpan("last")).toThrow(/like 2023 or 2019-2021/);
    expect(() => spanOf(2020, 0)).toThrow(/positive whole number/);
    expect(spanHolds({ first: 2019, last: 2021 }, "2021-12-31")).toBe(true);
    expect(spanHolds({ first: 2019, last: 2021 }, "2022-01-01")).toBe(false);
  });

  it("gives a part its own articles only, no listings, and the assemble step no articles", () => {
    const part = buildRole({ BUILD_PART: "2022", BUILD_RECORD: "parts/2022" });
    expect(makesArticle(part, "2022-06-01")).toBe(true);
    expect(makesArticle(part, "2023-01-01")).toBe(false);
    expect(makesListings(part)).toBe(false);
    const assemble = buildRole({ BUILD_ASSEMBLE: ["parts/2022", "parts/2023"].join(":") });
    expect(assemble).toMatchObject({ kind: "assemble" });
    expect(makesArticle(assemble, "2022-06-01")).toBe(false);
    expect(makesListings(assemble)).toBe(true);
    const whole = buildRole({});
    expect(makesArticle(whole, "2022-06-01") && makesListings(whole)).toBe(true);
    expect(() => buildRole({ BUILD_PART: "2022" })).toThrow(/BUILD_RECORD/);
  });
});
