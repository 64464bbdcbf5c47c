import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { getBrowseIndex } from "../../data/browse.ts";
import { bodyOf } from "../../data/bodies.ts";
import { toJsonl } from "../../lib/export/json.ts";
import { exportRecord } from "../../lib/export/records.ts";
import { provenanceOf } from "../../data/provenance.ts";
import { loadSiteConfig } from "../../lib/site/config.ts";
import { buildRole, makesListings } from "../../lib/build/role.ts";

/** Every article's front matter and Markdown body, one JSON object per line, oldest first. */
export const GET: APIRoute = async () => {
  // A part leaves the exports to the assemble step: made here, they would be dropped after
  // (src/lib/build/join.ts), and at 100,000 articles cost a part more memory than all its pages.
  if (!makesListings(buildRole())) return new Response("");
  const { url, download_files } = loadSiteConfig();
  const { articles } = await getBrowseIndex();
  const bodies = new Map((await getCollection("articles")).map((entry) => [entry.id, bodyOf(entry.data)]));
  const records = articles.map((meta) => ({
    ...exportRecord(meta, url, provenanceOf(meta), download_files),
    body: bodies.get(meta.id) ?? "",
  }));
  return new Response(toJsonl(records), { headers: { "content-type": "application/jsonl; charset=utf-8" } });
};
