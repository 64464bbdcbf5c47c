import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleFile, makeArchive } from "../helpers/archive.ts";
import { buildSite, freshPlace } from "./support/build.ts";

describe("building an archive with bad content", () => {
  it("fails and names every bad file, its field and what was expected", () => {
    const dir = makeArchive({
      "2024/01/good.md": articleFile(),
      "2024/01/bad-date.md": articleFile({ id: "2024-01-05-x", date: "2024-13-01" }),
      "2024/01/typo.md": articleFile({ id: "2024-01-06-x", titel: "错字", title: "标题" }),
      "2024/01/copy.md": articleFile(),
    });
    const result = buildSite(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "articles/2024/01/bad-date.md: date: expected a date such as 2020-03-04, or a date and time such as",
    );
    expect(result.output).toContain('articles/2024/01/typo.md: titel: unknown field (did you mean "title"?)');
    expect(result.output).toContain('articles/2024/01/copy.md: id: duplicate id "2024-01-02-abc123"');
    expect(result.output).toContain("npm run check");
    expect(result.output).not.toContain("Stack trace");
  });

  it("refuses an article or attachment linked from outside the archive, naming it, and publishes nothing", () => {
    const dir = makeArchive({
      "2024/01/good.md": articleFile(),
      "2024/01/with-file/index.md": articleFile({ id: "2024-01-07-x" }, "见[附件](env.txt)。\n"),
    });
    symlinkSync("/etc/passwd", path.join(dir, "articles/2024/01/passwd.md"));
    symlinkSync("/proc/self/environ", path.join(dir, "articles/2024/01/with-file/env.txt"));
    const place = freshPlace();
    const result = buildSite(dir, place);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /articles\/2024\/01\/passwd\.md: a symbolic link to \/etc\/passwd, outside the archive/,
    );
    expect(result.output).toMatch(
      /articles\/2024\/01\/with-file\/env\.txt: a symbolic link to \/proc\/.*, outside the archive/,
    );
    expect(existsSync(place.outDir)).toBe(false);
  });

  it("refuses a site address that is not http(s), naming the field and what is expected", () => {
    const dir = makeArchive({ "2024/01/good.md": articleFile() });
    const settings = readFileSync(path.join(dir, "site.yaml"), "utf8");
    writeFileSync(path.join(dir, "site.yaml"), settings.replace(/^url: .*$/m, "url: ftp://archive.example.org"));
    const result = buildSite(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "site.yaml: url: expected the address the site is published at: http:// or https://",
    );
    expect(result.output).toContain('"ftp://archive.example.org" starts with ftp:');
  });
});
