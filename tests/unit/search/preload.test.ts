import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_ELEMENT_ID, type SearchManifest } from "../../../src/lib/search/manifest.ts";
import { withSearchPreloads } from "../../../src/lib/search/preload.ts";

const PAGE = `<!doctype html><html lang="zh-Hans"><head><title>搜索</title></head><body><form></form><script type="module" src="/_astro/search.js"></script></body></html>`;

function manifest(shard: string): SearchManifest {
  return {
    pages: 2,
    shards: [`/pagefind/${shard}/`],
    tags: ["1"],
    start: {
      script: `/pagefind/${shard}/pagefind.js`,
      entry: `/pagefind/${shard}/pagefind-entry.json?ts=1`,
      meta: `/pagefind/${shard}/pagefind.zh-hans_1.pf_meta`,
      wasm: `/pagefind/${shard}/wasm.zh-hans.pagefind`,
    },
    sortBase: 3,
    table: "/pagefind/query-table.json",
    trigger: "",
  };
}

/** A built site whose search script imports a module that imports another. */
function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "preload-"));
  mkdirSync(path.join(dir, "_astro"));
  writeFileSync(path.join(dir, "_astro/search.js"), `import{a}from"./client.js";a();`);
  writeFileSync(path.join(dir, "_astro/client.js"), `import"./convert.js";export const a=()=>1;`);
  writeFileSync(path.join(dir, "_astro/convert.js"), `export {};`);
  return dir;
}

function manifests(html: string): SearchManifest[] {
  return [
    ...html.matchAll(new RegExp(`<script type="application/json" id="${MANIFEST_ELEMENT_ID}">(.*?)</script>`, "g")),
  ].map((match) => JSON.parse(match[1] as string) as SearchManifest);
}

describe("the search page's preloads", () => {
  it("preload every module the page's script imports, however deep, and what Pagefind loads first", () => {
    const html = withSearchPreloads(PAGE, manifest("0"), site(), "/");
    const head = html.slice(0, html.indexOf("</head>"));
    for (const module of ["/_astro/client.js", "/_astro/convert.js", "/pagefind/0/pagefind.js"]) {
      expect(head).toContain(`<link rel="modulepreload" href="${module}">`);
    }
    expect(head).toContain(`<link rel="preload" href="/pagefind/0/wasm.zh-hans.pagefind" as="fetch" crossorigin>`);
    expect(manifests(head)).toEqual([manifest("0")]);
  });

  it("leave the next shards' page lists to the page's script, so that a search opened with the page does not share the line with them", () => {
    const list = (shard: number) => ({
      entry: `/pagefind/${shard}/pagefind-entry.json?ts=${shard}`,
      meta: `/pagefind/${shard}/pagefind.zh-hans_${shard}.pf_meta`,
      bytes: 1000,
    });
    const html = withSearchPreloads(PAGE, { ...manifest("2"), lists: [list(1), list(0)] }, site(), "/");
    const links = html.slice(0, html.indexOf(`<script type="application/json"`));
    expect(links).toContain("/pagefind/2/");
    expect(links).not.toMatch(/\/pagefind\/[01]\//);
  });

  it("are replaced, not repeated, when the site is indexed again", () => {
    const dir = site();
    const once = withSearchPreloads(PAGE, manifest("0"), dir, "/");
    const twice = withSearchPreloads(once, manifest("1"), dir, "/");
    expect(manifests(twice)).toEqual([manifest("1")]);
    expect(twice).not.toContain("/pagefind/0/");
    expect(twice.match(/_astro\/client\.js/g)).toHaveLength(1);
  });
});
