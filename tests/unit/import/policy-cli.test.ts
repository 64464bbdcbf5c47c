import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { runImport, type ImportEvent } from "../../../src/lib/import/importer.ts";
import { buildVersionChains } from "../../../src/lib/versions/chain.ts";
import { CORPUS, runCli, tempDir } from "./helpers.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const ROAD = ["2019-03-02", "2022-03-29", "2023-07-20"].map((day) =>
  path.join(CORPUS, "laws/行政法规", `道路运输条例(${day}).md`),
);

describe.skipIf(!hasCorpus)("npm run import: policy documents", { timeout: 300_000 }, () => {
  it("imports a folder of laws, links their versions, and names each file it cannot import", async () => {
    const folder = tempDir();
    const archive = tempDir();
    // The newest and the oldest version first; the one between comes in a later run.
    copyFileSync(ROAD[2]!, path.join(folder, path.basename(ROAD[2]!)));
    copyFileSync(ROAD[0]!, path.join(folder, path.basename(ROAD[0]!)));
    writeFileSync(path.join(folder, "notes.md"), "# 工作笔记\n\n记得核对条文。\n");
    const run = runCli(["--archive", archive, folder]);
    expect(run.stderr).toMatch(/error: .*notes\.md: cannot import: no date found/);
    expect(run.stdout).toMatch(/supersedes \d{4}-\d{2}-\d{2}-[a-z0-9]+\)/);
    expect(run.stdout).toContain("Summary: 2 written, 0 skipped, 0 warnings, 1 error");
    expect(run.status).toBe(1);

    const middle = tempDir();
    copyFileSync(ROAD[1]!, path.join(middle, path.basename(ROAD[1]!)));
    const again = runCli(["--archive", archive, middle]);
    expect(again.stdout).toMatch(/^linked .*: now supersedes /m);
    expect(again.stdout).toContain("Summary: 1 written, 1 linked to new versions, 0 skipped");
    expect(again.status).toBe(0);

    const { articles, problems } = await loadArchive(archive);
    expect(problems).toEqual([]);
    const chain = buildVersionChains(articles.map((article) => article.meta)).chainOf(articles[0]!.meta.id);
    // Each version is dated by its latest history line (the oldest file's name says 2019-03-02, its text 2016).
    expect(chain?.map((meta) => meta.date.day)).toEqual(["2016-02-06", "2022-03-29", "2023-07-20"]);
    const files = await glob("**/*.md", { cwd: archive, absolute: true });
    const titles = files.map((file) => /^title: (.*)$/m.exec(readFileSync(file, "utf8"))?.[1]);
    expect(new Set(titles)).toEqual(new Set(["中华人民共和国道路运输条例"]));
  });

  it("replaces a law that has files of its own in its folder, without making it supersede itself", async () => {
    const archive = tempDir();
    const first = await runImport([ROAD[2]!], { archive }, { event: () => undefined });
    expect(first).toMatchObject({ written: 1, errors: 0 });
    // The archived version has a file beside it, so it lives in a folder of its own.
    const [flat] = await glob("articles/**/*.md", { cwd: archive, absolute: true });
    const folder = flat!.replace(/\.md$/, "");
    mkdirSync(folder);
    renameSync(flat!, path.join(folder, "index.md"));
    writeFileSync(path.join(folder, "notice.txt"), "附件\n");

    const events: ImportEvent[] = [];
    const again = await runImport([ROAD[2]!], { archive, force: true }, { event: (event) => events.push(event) });
    expect(again).toMatchObject({ written: 1, linked: 0, errors: 0 });
    const written = events.find((event) => event.kind === "written");
    expect(written?.kind === "written" && written.supersedes).toBeUndefined();
    expect(existsSync(flat!)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(["index.md", "notice.txt"]);
    expect(readFileSync(path.join(folder, "index.md"), "utf8")).not.toMatch(/^supersedes:/m);
    const { articles } = await loadArchive(archive);
    expect(articles.map((article) => article.file)).toEqual([path.join(folder, "index.md")]);
  });
});
