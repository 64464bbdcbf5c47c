import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { hostileCases } from "../../fixtures/hostile.ts";
import { makeArchive } from "../../helpers/archive.ts";

describe("broken and hostile articles", async () => {
  const cases = hostileCases();
  const dir = makeArchive(Object.fromEntries(cases.map((c) => [c.name, c.content])));
  const { articles, problems } = await loadArchive(dir);

  it("number at least thirty", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.filter((c) => c.refused).map((c) => [c.name, c.refused] as const))(
    "%s is refused with a clear message",
    (name, refused) => {
      const messages = problems
        .filter((p) => p.file.endsWith(`/${name}`))
        .map((p) => `${p.field ? `${p.field}: ` : ""}${p.message}`);
      expect(messages.length, `no problem reported for ${name}`).toBeGreaterThan(0);
      expect(messages.join("\n")).toMatch(refused!);
      expect(articles.some((a) => a.file.endsWith(`/${name}`))).toBe(false);
    },
  );

  it.each(cases.filter((c) => c.safe).map((c) => c.name))("%s is accepted, to be rendered safely", (name) => {
    expect(problems.filter((p) => p.file.endsWith(`/${name}`))).toEqual([]);
    expect(articles.some((a) => a.file.endsWith(`/${name}`))).toBe(true);
  });
});
