import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { buildVersionChains, currentVersion } from "../../../src/lib/versions/chain.ts";
import { articleFile, makeArchive } from "../../helpers/archive.ts";
import { lawArticle, readLaw, versionSets } from "../../helpers/laws.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const version = (id: string, supersedes?: string) => articleFile({ id, supersedes, title: id });

describe("checking the links between versions", () => {
  it("accepts a chain of versions and puts it in order, oldest first", async () => {
    const dir = makeArchive({
      "a.md": version("2001-01-01-law"),
      "c.md": version("2021-01-01-law", "2011-01-01-law"),
      "b.md": version("2011-01-01-law", "2001-01-01-law"),
    });
    const { articles, problems } = await loadArchive(dir);
    expect(problems).toEqual([]);
    const chains = buildVersionChains(articles.map((article) => article.meta));
    expect(chains.chainOf("2011-01-01-law")?.map((meta) => meta.id)).toEqual([
      "2001-01-01-law",
      "2011-01-01-law",
      "2021-01-01-law",
    ]);
    expect(chains.pairs().map(([older, newer]) => `${older.id} ${newer.id}`)).toEqual([
      "2001-01-01-law 2011-01-01-law",
      "2011-01-01-law 2021-01-01-law",
    ]);
  });

  it("refuses a link to a missing id, naming the file and the field", async () => {
    const dir = makeArchive({ "a.md": version("2011-01-01-law", "2001-01-01-lwa") });
    const { problems } = await loadArchive(dir);
    expect(problems).toEqual([
      {
        file: `${dir}/articles/a.md`,
        field: "supersedes",
        message: '"2001-01-01-lwa" is not the id of any article in the archive',
      },
    ]);
  });

  it("refuses a cycle, and a version superseding itself", async () => {
    const dir = makeArchive({
      "a.md": version("2001-01-01-law", "2011-01-01-law"),
      "b.md": version("2011-01-01-law", "2001-01-01-law"),
      "self.md": version("2005-01-01-self", "2005-01-01-self"),
    });
    const { problems } = await loadArchive(dir);
    expect(problems.map(({ file, message }) => `${file.slice(dir.length)}: ${message}`).sort()).toEqual([
      "/articles/a.md: the versions form a cycle: 2001-01-01-law → 2011-01-01-law → 2001-01-01-law",
      "/articles/b.md: the versions form a cycle: 2001-01-01-law → 2011-01-01-law → 2001-01-01-law",
      "/articles/self.md: the versions form a cycle: 2005-01-01-self → 2005-01-01-self",
    ]);
  });

  it("refuses two versions claiming the same predecessor", async () => {
    const dir = makeArchive({
      "a.md": version("2001-01-01-law"),
      "b.md": version("2011-01-01-law", "2001-01-01-law"),
      "c.md": version("2012-01-01-law", "2001-01-01-law"),
    });
    const { problems } = await loadArchive(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: `${dir}/articles/b.md`,
        field: "supersedes",
        message: expect.stringContaining(`also claimed as the earlier version by ${dir}/articles/c.md`),
      }),
      expect.objectContaining({ file: `${dir}/articles/c.md`, field: "supersedes" }),
    ]);
  });

  it.skipIf(!hasCorpus)("links every multi-version set of the law corpus into one chain", async () => {
    const sets = await versionSets();
    expect(sets.length).toBe(60);
    const files: Record<string, string> = {};
    sets.forEach((set, s) =>
      set.forEach((file, v) => {
        const id = (n: number) => `set${s}-v${n}`;
        files[`${s}/${v}.md`] = lawArticle(readLaw(file), id(v), { supersedes: v > 0 ? id(v - 1) : undefined });
      }),
    );
    const { articles, problems } = await loadArchive(makeArchive(files));
    expect(problems).toEqual([]);
    const chains = buildVersionChains(articles.map((article) => article.meta));
    sets.forEach((set, s) => expect(chains.chainOf(`set${s}-v0`)).toHaveLength(set.length));
  });
});

describe("the version in force", () => {
  const v = (id: string, status?: "in_force" | "amended" | "repealed") => ({ id, status });

  it("is the one whose status says so, even when a newer draft follows", () => {
    expect(currentVersion([v("a", "amended"), v("b", "in_force"), v("c")])).toEqual({
      version: v("b", "in_force"),
      stated: true,
    });
  });

  it("is the newest when no version states a status, and none when all are amended or repealed", () => {
    expect(currentVersion([v("a"), v("b")])).toEqual({ version: v("b"), stated: false });
    expect(currentVersion([v("a", "amended"), v("b", "repealed")])).toBeUndefined();
  });
});
