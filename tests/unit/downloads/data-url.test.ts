import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { citationItem } from "../../../src/lib/cite/item.ts";
import { CITATION_FORMATS, citationDataUrl } from "../../../src/lib/downloads/files.ts";
import { meta, STATE_COUNCIL_NOTICE } from "../../helpers/meta.ts";

const item = citationItem(meta(STATE_COUNCIL_NOTICE), {
  url: "https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/",
  script: "hans",
});

/** The media type and text a browser saves from a data address. */
function saved(address: string): { type: string; text: string } {
  const match = /^data:([^;,]+);charset=utf-8;base64,([A-Za-z0-9+/=]+)$/.exec(address);
  if (!match) throw new Error(`not a base64 data address: ${address.slice(0, 60)}`);
  return {
    type: match[1] as string,
    text: new TextDecoder().decode(Uint8Array.from(atob(match[2] as string), (c) => c.charCodeAt(0))),
  };
}

describe("citations carried by the article page", () => {
  it.each(CITATION_FORMATS)("save as %s that a reference tool reads back whole, in Chinese", (format) => {
    const { type, text } = saved(citationDataUrl(item, format));
    expect(type).toMatch(/^application\/(x-bibtex|x-research-info-systems|vnd\.citationstyles\.csl\+json)$/);
    const [read] = new Cite(text).data as Record<string, unknown>[];
    expect(read?.["title"]).toBe("国务院关于进一步优化营商环境的通知");
    expect(read?.["URL"]).toBe("https://archive.example.org/zh-hans/articles/2024-01-05-gf0001/");
  });

  it("take less room than percent-encoding would for Chinese text", () => {
    const address = citationDataUrl(item, "bib");
    expect(address.length).toBeLessThan(encodeURIComponent(saved(address).text).length);
  });
});
