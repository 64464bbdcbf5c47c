import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageHash, patternsDigest, ShardCache, shardKey } from "../../../src/lib/search/shard-cache.ts";

const pages = [
  { url: "/zh-hans/articles/2024-01-02-aaa/", hash: "1" },
  { url: "/zh-hans/articles/2024-01-03-bbb/", hash: "2" },
];

describe("search shard keys", () => {
  it("reuse a shard only when it was scanned for the same conversion patterns", () => {
    const before = patternsDigest(["发展", "頭髮", "理发"]);
    const grown = patternsDigest(["发展", "頭髮", "理发", "发言人"]);
    expect(shardKey(pages, false, "1.6.0", before)).toBe(shardKey(pages, false, "1.6.0", before));
    expect(shardKey(pages, false, "1.6.0", grown)).not.toBe(shardKey(pages, false, "1.6.0", before));
  });

  it("do not depend on the order the patterns were collected in", () => {
    expect(patternsDigest(["理发", "发展"])).toBe(patternsDigest(["发展", "理发"]));
  });

  it("change when a page's HTML changes", () => {
    const edited = [pages[0]!, { ...pages[1]!, hash: "3" }];
    expect(shardKey(edited, false, "1.6.0", "p")).not.toBe(shardKey(pages, false, "1.6.0", "p"));
  });
});

describe("the hash of what Pagefind reads of a page", () => {
  const page = (body: string, table: string, footer: string) =>
    `<html lang="zh-Hans"><body><main><article><header class="headline" data-pagefind-body><h1>标题</h1></header>` +
    `<table class="doc-meta" data-astro-cid-x><tbody>${table}</tbody></table>` +
    `<div class="article-body" data-pagefind-body><div><p>${body}</p></div></div>` +
    `<span hidden data-pagefind-filter="source:央视网"></span></article>` +
    `<aside class="article-footer" data-astro-cid-x><nav><h2>相关文章</h2>${footer}</nav></aside></main></body></html>`;

  it("does not change when only the related articles or the links of the metadata table change", () => {
    const before = page("正文。", "<tr><td>李强</td></tr>", '<a href="/a/">甲</a>');
    const after = page("正文。", '<tr><td><a href="/p/">李强</a></td></tr>', '<a href="/b/">乙</a>');
    expect(pageHash(after)).toBe(pageHash(before));
  });

  it("changes when the text Pagefind indexes changes", () => {
    expect(pageHash(page("改过的正文。", "", ""))).not.toBe(pageHash(page("正文。", "", "")));
  });

  it("keeps a part that holds an attribute Pagefind reads", () => {
    const filtered = (value: string) =>
      page("正文。", `<tr><td><span data-pagefind-filter="person:${value}"></span></td></tr>`, "");
    expect(pageHash(filtered("李强"))).not.toBe(pageHash(filtered("王毅")));
  });
});

describe("a staging folder set aside", () => {
  it("leaves the site at once and is removed by the next build, not kept as a shard", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "shard-cache-"));
    try {
      const cacheDir = path.join(root, "search-shards");
      const stage = path.join(root, "dist", "pagefind", ".stage-0", "zh-hans", "articles", "a");
      mkdirSync(stage, { recursive: true });
      writeFileSync(path.join(stage, "index.html"), "<html></html>");
      const thisBuild = new ShardCache(cacheDir);
      await thisBuild.discard(path.join(root, "dist", "pagefind", ".stage-0"));
      await thisBuild.prune();
      expect(existsSync(path.join(root, "dist", "pagefind", ".stage-0"))).toBe(false);
      const nextBuild = new ShardCache(cacheDir);
      expect(await nextBuild.get(".trash")).toBeUndefined();
      await nextBuild.emptyTrash();
      expect(readdirSync(path.join(cacheDir, ".trash"))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a cached shard", () => {
  it("is used while every file of its bundle is the file stored, and not once one is deleted or altered", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "shard-cache-"));
    try {
      const cacheDir = path.join(root, "search-shards");
      const bundle = path.join(root, "dist", "pagefind", "0");
      mkdirSync(path.join(bundle, "fragment"), { recursive: true });
      writeFileSync(path.join(bundle, "pagefind-entry.json"), "{}");
      writeFileSync(path.join(bundle, "fragment", "a.pf_fragment"), "fragment a");
      writeFileSync(path.join(bundle, "fragment", "b.pf_fragment"), "fragment b");
      await new ShardCache(cacheDir).put("k1", bundle, ["发展"]);
      await new ShardCache(cacheDir).put("k2", bundle, ["发展"]);

      const stored = await new ShardCache(cacheDir).get("k1");
      expect(stored?.vocabulary).toEqual(["发展"]);
      expect(readdirSync(path.join(stored!.bundle, "fragment")).sort()).toEqual(["a.pf_fragment", "b.pf_fragment"]);

      rmSync(path.join(cacheDir, "k1", "bundle", "fragment", "a.pf_fragment"));
      expect(await new ShardCache(cacheDir).get("k1")).toBeUndefined();
      // The same file under its cache name and its name in the site: altering either alters both.
      writeFileSync(path.join(bundle, "fragment", "b.pf_fragment"), "fragment b, altered in place");
      expect(await new ShardCache(cacheDir).get("k2")).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
