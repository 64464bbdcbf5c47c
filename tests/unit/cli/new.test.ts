import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { loadSiteConfig } from "../../../src/lib/site/config.ts";
import { ROOT } from "../../helpers/archive.ts";

const runNew = (dir: string) => spawnSync("npx", ["tsx", "src/cli/new.ts", dir], { cwd: ROOT, encoding: "utf8" });

describe("npm run new", () => {
  it("writes an archive that loads with one article and valid site settings", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "new-archive-")), "mine");
    const run = runNew(dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("ARCHIVE_DIR=");
    const { articles, problems } = await loadArchive(dir);
    expect(problems).toEqual([]);
    expect(articles.map((article) => article.meta.title)).toEqual(["第一篇文章"]);
    expect(loadSiteConfig(dir).title.hant).toBe("我的文獻庫");
  });

  it("refuses a folder that already holds files", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "new-archive-"));
    writeFileSync(path.join(dir, "site.yaml"), "title: x\n");
    const run = runNew(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is not empty");
  });
});
