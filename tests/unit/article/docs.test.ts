import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIELDS, FIELD_NAMES } from "../../../src/lib/article/fields.ts";
import { ROOT } from "../../helpers/archive.ts";

describe("the maintainers' field reference", () => {
  const doc = readFileSync(path.join(ROOT, "docs/articles.md"), "utf8");

  it.each(FIELD_NAMES)("documents the field %s with its Chinese label", (field) => {
    const row = doc.split("\n").find((line) => new RegExp(`^\\|\\s*\`${field}\`\\s*\\|`).test(line));
    expect(row, `docs/articles.md has no row for ${field}`).toBeDefined();
    expect(row).toContain(FIELDS[field].label);
  });
});
