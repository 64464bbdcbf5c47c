import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lockedVersions } from "../../../src/lib/build/locked-versions.ts";

const lockfile = (packages: Record<string, { version: string }>) =>
  JSON.stringify({ name: "archive", lockfileVersion: 3, packages: { "": { name: "archive" }, ...packages } });

describe("locked versions", () => {
  it("name the packages asked for and their platform builds, not others", () => {
    const text = lockfile({
      "node_modules/@node-rs/jieba": { version: "2.0.3" },
      "node_modules/@node-rs/jieba-linux-x64-gnu": { version: "2.0.3" },
      "node_modules/opencc-js": { version: "1.4.2" },
      "node_modules/astro": { version: "7.3.5" },
      "node_modules/opencc-jsx": { version: "9.9.9" },
    });
    expect(lockedVersions(text, ["@node-rs/jieba", "opencc-js"])).toBe(
      "@node-rs/jieba-linux-x64-gnu@2.0.3 @node-rs/jieba@2.0.3 opencc-js@1.4.2",
    );
  });

  it("do not change when an unrelated package is added, and do when a wanted one is updated", () => {
    const before = lockfile({ "node_modules/opencc-js": { version: "1.4.2" } });
    const added = lockfile({
      "node_modules/opencc-js": { version: "1.4.2" },
      "node_modules/anymatch": { version: "3.1.3" },
    });
    const updated = lockfile({ "node_modules/opencc-js": { version: "1.4.3" } });
    expect(lockedVersions(added, ["opencc-js"])).toBe(lockedVersions(before, ["opencc-js"]));
    expect(lockedVersions(updated, ["opencc-js"])).not.toBe(lockedVersions(before, ["opencc-js"]));
  });

  it("leave out copies nested under another package", () => {
    const text = lockfile({ "node_modules/other/node_modules/opencc-js": { version: "0.1.0" } });
    expect(lockedVersions(text, ["opencc-js"])).toBe("");
  });

  it("read the project's own lockfile", () => {
    const text = readFileSync(new URL("../../../package-lock.json", import.meta.url), "utf8");
    expect(lockedVersions(text, ["@node-rs/jieba"])).toMatch(/@node-rs\/jieba@\d/);
  });

  it("are empty without a lockfile", () => {
    expect(lockedVersions("", ["opencc-js"])).toBe("");
  });
});
