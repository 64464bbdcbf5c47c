import { describe, expect, it } from "vitest";
import { facetPath, groupPath, periodPath } from "../../../src/lib/browse/urls.ts";

describe("addresses of paged lists", () => {
  it("give a list of articles its front page at its own address and its older pages numbers from 1", () => {
    const xi = encodeURIComponent("习近平");
    expect(groupPath("hans", "persons", "习近平")).toBe(`/zh-hans/browse/persons/${xi}/`);
    expect(groupPath("hans", "persons", "习近平", 1)).toBe(`/zh-hans/browse/persons/${xi}/1/`);
    expect(periodPath("hant", "2022")).toBe("/zh-hant/browse/dates/2022/");
    expect(periodPath("hant", "2022-09", 3)).toBe("/zh-hant/browse/dates/2022-09/3/");
  });

  it("number a field's index pages from 2, its first page being the field's own address", () => {
    expect(facetPath("hans", "persons")).toBe("/zh-hans/browse/persons/");
    expect(facetPath("hans", "persons", 1)).toBe("/zh-hans/browse/persons/");
    expect(facetPath("hans", "persons", 2)).toBe("/zh-hans/browse/persons/2/");
  });
});
