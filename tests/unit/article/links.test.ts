import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive, type ArchiveLoad } from "../../../src/lib/article/load.ts";
import { articleFile, makeArchive } from "../../helpers/archive.ts";

/**
 * Symbolic links in an archive that takes contributions by pull request and builds in CI:
 * whatever a link outside the archive points at must never be read, let alone published.
 */

let archive: string;
let outside: string;
let inHome: string;
let load: ArchiveLoad;

const problemsOf = (name: string) =>
  load.problems.filter((problem) => problem.file.endsWith(name)).map((problem) => problem.message);

beforeAll(async () => {
  archive = makeArchive({
    "2024/01/2024-01-01-inside.md": articleFile({ id: "2024-01-01-inside" }),
    "2024/01/with-files/index.md": articleFile(
      { id: "2024-01-02-files" },
      "正文。[附件](secret.pdf) [图](shared.pdf)\n",
    ),
  });
  const articles = path.join(archive, "articles");
  outside = mkdtempSync(path.join(tmpdir(), "outside-"));
  writeFileSync(
    path.join(outside, "2024-01-03-outside.md"),
    articleFile({ id: "2024-01-03-outside" }, "外面的正文。\n"),
  );
  inHome = mkdtempSync(path.join(homedir(), ".archive-link-test-"));
  writeFileSync(path.join(inHome, "token.md"), articleFile({ id: "2024-01-04-home" }, "SECRET_TOKEN=1\n"));

  symlinkSync("/etc/passwd", path.join(articles, "2024/01/passwd.md"));
  symlinkSync("/proc/self/environ", path.join(articles, "2024/01/environ.md"));
  symlinkSync(path.join(inHome, "token.md"), path.join(articles, "2024/01/home.md"));
  symlinkSync(outside, path.join(articles, "2024/02"));
  symlinkSync("loop-b.md", path.join(articles, "2024/01/loop-a.md"));
  symlinkSync("loop-a.md", path.join(articles, "2024/01/loop-b.md"));
  symlinkSync("nowhere.md", path.join(articles, "2024/01/broken.md"));
  symlinkSync("/etc/passwd", path.join(articles, "2024/01/with-files/secret.pdf"));
  // Inside the archive, links may stay: a file shared by two articles, a draft kept elsewhere in it.
  mkdirSync(path.join(archive, "shared"));
  writeFileSync(path.join(archive, "shared/shared.pdf"), "%PDF-1.4 shared\n");
  symlinkSync(path.join(archive, "shared/shared.pdf"), path.join(articles, "2024/01/with-files/shared.pdf"));
  writeFileSync(path.join(archive, "shared/draft.md"), articleFile({ id: "2024-01-05-draft" }));
  symlinkSync(path.join(archive, "shared/draft.md"), path.join(articles, "2024/01/draft.md"));

  load = await loadArchive(archive);
});

afterAll(() => {
  for (const dir of [archive, outside, inHome]) rmSync(dir, { recursive: true, force: true });
});

describe("symbolic links in the archive", () => {
  it.each([
    ["passwd.md", "/etc/passwd"],
    ["home.md", "token.md"],
    ["2024/02", "outside-"],
  ])("refuses %s, a link to a file or folder outside the archive, naming where it leads", (name, target) => {
    const messages = problemsOf(name).join("\n");
    expect(messages).toMatch(/a symbolic link to .*, outside the archive/);
    expect(messages).toContain(target);
  });

  it("refuses a link to /proc/self/environ, whose target changes with the process reading it", () => {
    expect(problemsOf("environ.md").join("\n")).toMatch(/a symbolic link to \/proc\/.*, outside the archive/);
  });

  it("refuses an attachment that links outside the archive, and reads nothing through it", () => {
    expect(problemsOf("with-files/secret.pdf").join("\n")).toMatch(/outside the archive/);
    const article = load.articles.find((each) => each.meta.id === "2024-01-02-files");
    expect(article?.attachments.map((attachment) => attachment.name)).toEqual(["shared.pdf"]);
  });

  it("refuses a loop of links and a broken link", () => {
    expect(problemsOf("loop-a.md").join("\n")).toMatch(/a loop of links/);
    expect(problemsOf("loop-b.md").join("\n")).toMatch(/a loop of links/);
    expect(problemsOf("broken.md").join("\n")).toMatch(/a broken symbolic link \(to nowhere\.md\)/);
  });

  it("loads no article from outside the archive, and those linked from inside it", () => {
    const ids = load.articles.map((article) => article.meta.id).sort();
    expect(ids).toEqual(["2024-01-01-inside", "2024-01-02-files", "2024-01-05-draft"]);
    expect(JSON.stringify(load.articles)).not.toMatch(/SECRET_TOKEN|root:x:0/);
  });
});
