import type { APIRoute } from "astro";
import { getBrowseIndex } from "../../data/browse.ts";
import { toCsv } from "../../lib/export/csv.ts";
import { exportRecord } from "../../lib/export/records.ts";
import { provenanceOf } from "../../data/provenance.ts";
import { loadSiteConfig } from "../../lib/site/config.ts";
import { buildRole, makesListings } from "../../lib/build/role.ts";

/** Every article's front matter as CSV for spreadsheets, oldest first (fields in docs/browse.md). */
export const GET: APIRoute = async () => {
  // A part leaves the exports to the assemble step (see data/articles.jsonl.ts).
  if (!makesListings(buildRole())) return new Response("");
  const { url, download_files } = loadSiteConfig();
  const { articles } = await getBrowseIndex();
  return new Response(toCsv(articles.map((meta) => exportRecord(meta, url, provenanceOf(meta), download_files))), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
};
