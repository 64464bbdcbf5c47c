import { describe, expect, it } from "vitest";
import { isoDay } from "../../../src/lib/cite/accessed.ts";

describe("access date", () => {
  it("writes the reader's local day as YYYY-MM-DD, padded", () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(isoDay(new Date(2026, 11, 31, 0, 0))).toBe("2026-12-31");
  });
});
