import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VocabularyThread } from "../../../src/lib/search/vocabulary-thread.ts";

const dir = mkdtempSync(path.join(tmpdir(), "vocabulary-thread-"));

function page(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `<html lang="zh-Hans"><head><script>const 脱贫 = 1;</script></head><body><p>${text}</p></body></html>`,
  );
  return file;
}

let thread: VocabularyThread | undefined;
afterEach(async () => {
  await thread?.close();
  thread = undefined;
});

describe("the vocabulary scan in a thread of its own", () => {
  it("answers each request with the patterns of the pages sent since the one before", async () => {
    thread = new VocabularyThread(["乡村", "振兴", "脱贫", "攻坚"]);
    thread.scan([page("a.html", "全面推进乡村振兴"), page("b.html", "乡村&amp;振兴")]);
    const first = thread.takeFound();
    thread.scan([page("c.html", "脱贫攻坚")]);
    const second = thread.takeFound();
    // Page text only: the word in the script element is not the page's vocabulary.
    expect(await first).toEqual(["乡村", "振兴"]);
    expect(await second).toEqual(["攻坚", "脱贫"]);
  });

  it("fails the request when a page cannot be read", async () => {
    thread = new VocabularyThread(["乡村"]);
    thread.scan([path.join(dir, "missing.html")]);
    await expect(thread.takeFound()).rejects.toThrow(/missing\.html/);
  });

  it("fails a request still unanswered when it is stopped, so that a failed build ends instead of waiting", async () => {
    const stopped = new VocabularyThread(["乡村"]);
    stopped.scan([page("d.html", "乡村")]);
    const pending = stopped.takeFound();
    await stopped.close();
    await expect(pending).rejects.toThrow(/stopped before it answered/);
  });
});
