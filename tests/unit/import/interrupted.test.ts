import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPartialWrite } from "../../../src/lib/fs/atomic-write.ts";
import { folderHashes } from "../../helpers/files.ts";
import { generateArticles, seededRandom } from "../../helpers/generated.ts";
import { ROOT } from "./helpers.ts";

/**
 * Imports stopped at random moments (seeded by FAULT_SEED, printed), with SIGKILL, SIGTERM
 * and SIGINT: every article file must be as it was or complete, never empty or cut off, and
 * the next run must complete what was missing.
 */

const SEED = Number(process.env["FAULT_SEED"] ?? 20261206);
const ITEMS = 150;
const SIGNALS: NodeJS.Signals[] = ["SIGKILL", "SIGTERM", "SIGINT"];

let work: string;
let first: string;
let second: string;
/** The articles folder after each import has run to its end. */
let afterFirst: Record<string, string>;
let afterSecond: Record<string, string>;

/** A JSONL file of generated articles; `edition` changes every body, as a corrected feed would. */
function writeInput(file: string, edition: string, items = ITEMS): void {
  const lines = generateArticles(items, 3).map((article) =>
    JSON.stringify({
      title: JSON.parse(article.fields["title"] as string) as string,
      date: article.fields["date"],
      script: article.fields["script"],
      source: article.fields["source"],
      body: `${edition}${article.body}`,
    }),
  );
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const tsxImport = ["--import", "tsx", path.join(ROOT, "src/cli/import.ts")];

function importNow(archive: string, input: string, ...options: string[]): string {
  const result = spawnSync(process.execPath, [...tsxImport, "--archive", archive, ...options, input], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`import failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Starts an import and stops it with `signal` `delay` ms after it has written its first tenth. */
async function importStopped(
  archive: string,
  input: string,
  signal: NodeJS.Signals,
  delay: number,
  ...options: string[]
) {
  const child = spawn(process.execPath, [...tsxImport, "--archive", archive, ...options, input], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ended = new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
  await new Promise<void>((resolve) => {
    child.stderr.on("data", (chunk: Buffer) => (chunk.toString().includes("progress:") ? resolve() : undefined));
    void ended.then(() => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill(signal);
  return ended;
}

/** Every file of an archive's articles folder, with what a stopped import may leave apart. */
async function articlesOf(archive: string): Promise<{ files: Record<string, string>; partial: string[] }> {
  const all = await folderHashes(path.join(archive, "articles"));
  const partial = Object.keys(all).filter((file) => isPartialWrite(path.basename(file)));
  for (const file of partial) delete all[file];
  return { files: all, partial };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "import-stopped-"));
  first = path.join(work, "first.jsonl");
  second = path.join(work, "second.jsonl");
  writeInput(first, "");
  writeInput(second, "更正：");
  const reference = path.join(work, "reference");
  importNow(reference, first, "--quiet");
  afterFirst = (await articlesOf(reference)).files;
  importNow(reference, second, "--quiet", "--force");
  afterSecond = (await articlesOf(reference)).files;
  expect(Object.keys(afterFirst)).toHaveLength(ITEMS);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("an import stopped at any moment", () => {
  it("leaves each article absent or whole, and the next run completes the archive", async () => {
    const random = seededRandom(SEED);
    const archive = path.join(work, "new");
    for (const signal of SIGNALS) {
      const delay = Math.floor(random() * 600);
      const status = await importStopped(archive, first, signal, delay);
      const { files, partial } = await articlesOf(archive);
      console.log(
        `${signal} ${delay} ms into a first import (status ${String(status)}): ${Object.keys(files).length} of ${ITEMS} written, ${partial.length} unfinished`,
      );
      for (const [file, hash] of Object.entries(files)) expect(hash, file).toBe(afterFirst[file]);
    }
    const output = importNow(archive, first);
    expect(output).toMatch(/Summary: \d+ written/);
    expect((await articlesOf(archive)).files).toEqual(afterFirst);
    expect((await articlesOf(archive)).partial).toEqual([]);
  }, 300_000);

  it("with --force, leaves each article as it was or replaced whole, and the next run completes the change", async () => {
    const random = seededRandom(SEED + 1);
    const archive = path.join(work, "forced");
    importNow(archive, first, "--quiet");
    for (const signal of SIGNALS) {
      const delay = Math.floor(random() * 600);
      const status = await importStopped(archive, second, signal, delay, "--force");
      const { files } = await articlesOf(archive);
      const replaced = Object.entries(files).filter(([file, hash]) => hash === afterSecond[file]).length;
      console.log(
        `${signal} ${delay} ms into a forced import (status ${String(status)}): ${replaced} of ${ITEMS} replaced`,
      );
      expect(Object.keys(files).sort()).toEqual(Object.keys(afterFirst).sort());
      for (const [file, hash] of Object.entries(files))
        expect([afterFirst[file], afterSecond[file]], file).toContain(hash);
    }
    importNow(archive, second, "--force");
    expect((await articlesOf(archive)).files).toEqual(afterSecond);
  }, 300_000);
});

describe("two imports at once", () => {
  it("stop the second at once, naming the first", async () => {
    const archive = path.join(work, "together");
    // Enough articles that the first is still writing when the second starts.
    const large = path.join(work, "large.jsonl");
    writeInput(large, "", 600);
    const running = spawn(process.execPath, [...tsxImport, "--archive", archive, large], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_lifecycle_event: "import" },
    });
    const ended = new Promise((resolve) => running.on("close", resolve));
    await new Promise<void>((resolve) =>
      running.stderr.on("data", (chunk: Buffer) => (chunk.toString().includes("importing") ? resolve() : undefined)),
    );
    const other = spawnSync(process.execPath, [...tsxImport, "--archive", archive, second], {
      cwd: ROOT,
      encoding: "utf8",
    });
    await ended;
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(
      new RegExp(`import: The archive .* is in use by \`npm run import\` \\(process ${running.pid}`),
    );
    expect(Object.keys((await articlesOf(archive)).files)).toHaveLength(600);
    expect(existsSync(path.join(archive, ".archive.lock"))).toBe(false);
  }, 300_000);
});
