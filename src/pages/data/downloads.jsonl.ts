import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { citationPaths } from "../../data/citations.ts";
import type { DownloadRecord } from "../../lib/downloads/files.ts";
import { buildRole, makesArticle } from "../../lib/build/role.ts";

/**
 * What every article's downloads are made from, one JSON line per article: read and then
 * removed by the downloads integration after the build (src/integrations/downloads.ts).
 * One route for the whole archive instead of four per article; in a site built in parts,
 * each part lists its own articles (src/lib/build/role.ts).
 */
export const GET: APIRoute = async () => {
  const role = buildRole();
  const files = new Map(
    (await getCollection("articles"))
      .filter((entry) => makesArticle(role, entry.data.date.day))
      .map((entry) => [entry.data.id, entry.data.file]),
  );
  const paths = (await citationPaths()).filter(({ params }) => files.has(params.id));
  const lines = paths.map(({ params, props }) => {
    const source = files.get(params.id);
    if (source === undefined) throw new Error(`article ${params.id} has no file`);
    const record: DownloadRecord = { item: props.item, source };
    return `${JSON.stringify(record)}\n`;
  });
  return new Response(lines.join(""), { headers: { "content-type": "application/jsonl; charset=utf-8" } });
};
