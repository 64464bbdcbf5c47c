import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { Converter } from "opencc-js";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/lib/article/load.ts";
import { runCli, SAMPLE_AS_IMPORTED, TAIYUAN, tempDir } from "./helpers.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const sample = SAMPLE_AS_IMPORTED;
const written = (archive: string) => path.join(archive, "articles/2020/03/2020-03-04-1h89qg.md");
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

// Each test starts the command once or more; a busy machine makes that slow.
const SLOW = { timeout: 180_000 };

describe("npm run import: usage", SLOW, () => {
  it("explains itself with --help", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run import -- \[options\] <file or folder>/);
    for (const option of ["--archive", "--dry-run", "--force", "--allow-duplicates", "--script"])
      expect(run.stdout).toContain(option);
  });

  it.each([
    [["--frobnicate", TAIYUAN], /Unknown option '--frobnicate'/],
    [[], /no input/],
    [["--script", "latin", TAIYUAN], /--script must be hans or hant/],
    [["--set", "date=yesterday", TAIYUAN], /--set date: expected a date/],
  ])("exits with 2 for a usage error: %s", (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("--help");
  });
});

describe.skipIf(!hasCorpus)("npm run import: safety", SLOW, () => {
  it("prints what --dry-run would write and writes nothing", () => {
    const archive = tempDir();
    const run = runCli(["--dry-run", "--archive", archive, TAIYUAN]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`would write ${written(archive)}`);
    expect(run.stdout).toContain(sample);
    expect(run.stdout).toContain(
      "Summary: 1 would be written, 0 skipped, 0 warnings, 0 errors (dry run: nothing was written)",
    );
    expect(filesIn(archive)).toEqual([]);
  });

  it("never overwrites an article, and replaces it with --force", () => {
    const archive = tempDir();
    expect(runCli(["--archive", archive, TAIYUAN]).status).toBe(0);
    const edited = sample.replace("editor: 田洲", "editor: 田洲（已核對）");
    writeFileSync(written(archive), edited);

    const again = runCli(["--archive", archive, TAIYUAN]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      /skipped .*taiyuan-2020-03-04\.txt: .*2020-03-04-1h89qg\.md already exists .*use --force/,
    );
    expect(again.stdout).toContain("Summary: 0 written, 1 skipped, 0 warnings, 0 errors");
    expect(readFileSync(written(archive), "utf8")).toBe(edited);

    const forced = runCli(["--force", "--archive", archive, TAIYUAN]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/replaced .*2020-03-04-1h89qg\.md/);
    expect(forced.stdout).toContain("Summary: 1 written (1 replacing existing articles), 0 skipped");
    expect(readFileSync(written(archive), "utf8")).toBe(sample);
  });

  it("finds the article already in the archive when it comes again in the other script", () => {
    const archive = tempDir();
    const inputs = tempDir();
    // The same page as a Simplified site would have published it.
    const simplified = path.join(inputs, "taiyuan-simplified.txt");
    writeFileSync(simplified, Converter({ from: "tw", to: "cn" })(readFileSync(TAIYUAN, "utf8")));
    expect(runCli(["--archive", archive, TAIYUAN]).status).toBe(0);

    const run = runCli(["--archive", archive, simplified]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /skipped .*taiyuan-simplified\.txt: looks like .*2020-03-04-1h89qg\.md \(same title and day, in the other script \(hant\)\)/,
    );
    expect(filesIn(archive)).toEqual(["2020-03-04-1h89qg.md"]);

    const anyway = runCli(["--allow-duplicates", "--archive", archive, simplified]);
    expect(anyway.status).toBe(0);
    expect(filesIn(archive)).toHaveLength(2);
  });
});

describe("npm run import: fields for the whole run", SLOW, () => {
  it("gives copies the date and source they lack with --set, and leaves what a copy says", async () => {
    const archive = tempDir();
    const inputs = tempDir();
    writeFileSync(path.join(inputs, "no-byline.txt"), "- +1\n国务院常务会议部署稳就业工作\n会议指出，要稳定就业。\n");
    writeFileSync(path.join(inputs, "own-byline.txt"), "另一条新闻\n来源：人民网 2020-03-04\n正文。\n");
    const run = runCli(["--set", "date=2017-12-04", "--set", "source=新华网", "--archive", archive, inputs]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*no-byline\.txt:1: left out «- \+1»: page furniture/m);
    const loaded = await loadArchive(archive);
    expect(loaded.articles.map(({ meta }) => [meta.title, meta.kicker, meta.source, meta.date.day]).sort()).toEqual([
      ["另一条新闻", undefined, "人民网", "2020-03-04"],
      ["国务院常务会议部署稳就业工作", undefined, "新华网", "2017-12-04"],
    ]);
  });
});

describe("npm run import: broken inputs", SLOW, () => {
  it("reports each broken input by file and line and imports everything else", async () => {
    const archive = tempDir();
    const inputs = tempDir();
    const folder = path.join(inputs, "batch");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "empty.txt"), "");
    writeFileSync(
      path.join(folder, "binary.txt"),
      Uint8Array.from({ length: 256 }, (_, i) => i),
    );
    writeFileSync(
      path.join(folder, "gbk.txt"),
      iconv.encode("国务院关于脱贫攻坚的通知\n发布时间：2020-03-04\n正文。", "gbk"),
    );
    writeFileSync(
      path.join(folder, "damaged.txt"),
      ["標題", "2020-03-05", "", "第一段。", "", "他說,今天就到這裡?!睍間不早了"].join("\n"),
    );
    const record = (n: number) =>
      JSON.stringify({
        title: `第${n}條新聞`,
        date: "2020-03-06",
        script: "hant",
        body: `<p>第${n}條新聞的正文，內容各不相同，編號${n}。</p>`,
      });
    writeFileSync(
      path.join(folder, "batch.jsonl"),
      [record(1), record(2), '{"title": "壞的一行", "date": ', record(3), record(4), record(5)].join("\n"),
    );
    const missing = path.join(inputs, "no-such-file.txt");

    const run = runCli(["--archive", archive, folder, missing]);
    expect(run.status).toBe(1);
    const line = (pattern: RegExp) => expect(run.stderr).toMatch(pattern);
    line(/^error: .*no-such-file\.txt: no such file or folder$/m);
    line(/^error: .*batch\/empty\.txt: the file is empty$/m);
    line(/^error: .*batch\/binary\.txt: this is a binary file/m);
    line(/^error: .*batch\/gbk\.txt: the file is not UTF-8 text \(line 1\); it looks like GBK.*iconv -f GB18030/m);
    line(/^error: .*batch\/batch\.jsonl:3: invalid JSON/m);
    line(/^warning: .*batch\/damaged\.txt:6: possible mojibake «\?!睍»/m);
    expect(run.stderr).toMatch(/^progress: 7\/7$/m); // seven articles (one a broken line): more than a few, and no terminal
    expect(run.stdout).toContain("Summary: 6 written, 0 skipped, 1 warning, 5 errors");

    const loaded = await loadArchive(archive);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles.map((article) => article.meta.title).sort()).toEqual(
      ["標題", "第1條新聞", "第2條新聞", "第3條新聞", "第4條新聞", "第5條新聞"].sort(),
    );
  });
});
