import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateArticles } from "../../helpers/generated.ts";
import { ROOT, tempDir } from "./helpers.ts";

describe("npm run import -- --quiet", () => {
  it("prints the summary and the errors only: no progress, no list of articles, no skips", () => {
    const work = tempDir();
    const input = path.join(work, "feed.jsonl");
    const lines = generateArticles(8, 5).map((article) =>
      JSON.stringify({
        title: JSON.parse(article.fields["title"] as string) as string,
        date: article.fields["date"],
        script: article.fields["script"],
        body: article.body,
      }),
    );
    writeFileSync(input, `${[...lines, "{ not json"].join("\n")}\n`);
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ["--import", "tsx", "src/cli/import.ts", "--archive", path.join(work, "archive"), ...args, input],
        {
          cwd: ROOT,
          encoding: "utf8",
        },
      );
    run();
    // The second time, the eight articles exist and are skipped; the broken line fails again.
    const quiet = run("--quiet");
    expect(quiet.status).toBe(1);
    expect(quiet.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^Summary: 0 written, 8 skipped, .*1 error/),
    ]);
    expect(quiet.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: .*feed\.jsonl:9: /)]);
  });
});
