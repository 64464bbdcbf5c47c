import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import { CORPUS } from "../../helpers/corpus.ts";

/** The repository root, where npm scripts run. */
export const ROOT = path.resolve(import.meta.dirname, "../../..");
export { CORPUS };
export const TAIYUAN = path.join(CORPUS, "raw/taiyuan-2020-03-04.txt");
export const SAMPLE = path.join(ROOT, "content/articles/2020/03/2020-03-04-1h89qg.md");

/**
 * The sample article as the import writes it from the raw copy: the sample is that, with
 * the one line its maintainer added by hand (its `license`).
 */
export const SAMPLE_AS_IMPORTED = readFileSync(SAMPLE, "utf8").replace(/^license: .*\n/m, "");

/** A fresh temporary folder for the running test, removed when it finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "import-test-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the import command as a maintainer would, in a child process. */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["tsx", "src/cli/import.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
