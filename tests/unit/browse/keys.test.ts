import { describe, expect, it } from "vitest";
import { nameKey } from "../../../src/lib/browse/keys.ts";

describe("browse keys for names", () => {
  it("gives a person the same key in either script, in readable characters", () => {
    expect(nameKey("樓陽生")).toBe("楼阳生");
    expect(nameKey("楼阳生")).toBe("楼阳生");
    expect(nameKey("習近平")).toBe(nameKey("习近平"));
  });

  it("keeps different names apart, including the surnames 于 and 余", () => {
    expect(nameKey("于洋")).not.toBe(nameKey("余洋"));
    expect(nameKey("山西")).not.toBe(nameKey("陕西"));
  });

  it("treats full-width and half-width Latin letters, case and spacing alike", () => {
    expect(nameKey("ＷＴＯ")).toBe("wto");
    expect(nameKey(" WTO ")).toBe("wto");
    expect(nameKey("约翰斯·霍普金斯")).toBe("约翰斯·霍普金斯");
  });

  it("never gives a key that is only digits, since those are page numbers", () => {
    const key = nameKey("2035");
    expect(key).not.toMatch(/^\d+$/);
    expect(key.startsWith("2035~")).toBe(true);
  });

  it("turns names with path characters into a safe slug with a stable hash", () => {
    const key = nameKey("A/B");
    expect(key).toMatch(/^a-b~[0-9a-z]{6}$/);
    expect(nameKey("A/B")).toBe(key);
    expect(nameKey("a-b")).toBe("a-b");
    expect(nameKey("A.B")).not.toBe(key);
    for (const name of ["..", "a?b#c", "x%2fy", "同/行"]) expect(nameKey(name)).not.toMatch(/[/?#%.]/);
  });

  it("keeps keys of long names short enough to be a file name", () => {
    const long = "关于进一步加强和改进新时代".repeat(8);
    const key = nameKey(long);
    expect(key).not.toBe(long);
    expect(Buffer.byteLength(key)).toBeLessThan(255);
    expect(nameKey(`${long}甲`)).not.toBe(key);
  });
});
