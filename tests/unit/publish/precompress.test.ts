import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { precompressSite } from "../../../src/lib/publish/precompress.ts";
import { SAMPLE_ARTICLE } from "../../helpers/archive.ts";

describe("precompressing a built site", () => {
  it("writes .gz and .br copies that decompress to each text file, and leaves small and binary files alone", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "precompress-"));
    const page = Buffer.from(`<!doctype html><p>${readFileSync(SAMPLE_ARTICLE, "utf8")}</p>`);
    mkdirSync(path.join(site, "zh-hant/articles/x"), { recursive: true });
    mkdirSync(path.join(site, "pagefind/0/fragment"), { recursive: true });
    writeFileSync(path.join(site, "zh-hant/articles/x/index.html"), page);
    writeFileSync(path.join(site, "feed.xml"), page);
    writeFileSync(path.join(site, "small.css"), "body{margin:0}");
    writeFileSync(path.join(site, "pagefind/0/fragment/a.pf_fragment"), page);

    const report = await precompressSite(site);

    for (const file of ["zh-hant/articles/x/index.html", "feed.xml"]) {
      const gz = readFileSync(path.join(site, `${file}.gz`));
      const br = readFileSync(path.join(site, `${file}.br`));
      expect(gunzipSync(gz).equals(page), file).toBe(true);
      expect(brotliDecompressSync(br).equals(page), file).toBe(true);
      expect(br.length).toBeLessThan(gz.length);
      expect(gz.length).toBeLessThan(page.length * 0.75);
    }
    expect(existsSync(path.join(site, "small.css.gz"))).toBe(false);
    expect(existsSync(path.join(site, "pagefind/0/fragment/a.pf_fragment.gz"))).toBe(false);
    expect(report).toMatchObject({ files: 2, bytes: page.length * 2 });
  });

  it("writes the same bytes every time", async () => {
    const site = mkdtempSync(path.join(tmpdir(), "precompress-"));
    writeFileSync(path.join(site, "index.html"), readFileSync(SAMPLE_ARTICLE));
    await precompressSite(site);
    const first = [readFileSync(path.join(site, "index.html.gz")), readFileSync(path.join(site, "index.html.br"))];
    await precompressSite(site);
    expect(readFileSync(path.join(site, "index.html.gz")).equals(first[0] ?? Buffer.alloc(0))).toBe(true);
    expect(readFileSync(path.join(site, "index.html.br")).equals(first[1] ?? Buffer.alloc(0))).toBe(true);
  });
});
