import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export { CORPUS } from "./corpus.ts";

/** The sample article shipped in content/. */
export const SAMPLE_ARTICLE = path.join(ROOT, "content/articles/2020/03/2020-03-04-1h89qg.md");

/** Makes a throw-away archive folder with the sample site settings and the given files under articles/. */
export function makeArchive(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "archive-"));
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(dir, "site.yaml"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, "articles", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A minimal valid article file, with front matter lines replaced or added by `fields`. */
export function articleFile(fields: Record<string, string | undefined> = {}, body = "正文。\n"): string {
  const base: Record<string, string | undefined> = {
    id: "2024-01-02-abc123",
    title: "测试标题",
    date: "2024-01-02",
    script: "hans",
    ...fields,
  };
  const lines = Object.entries(base)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}
