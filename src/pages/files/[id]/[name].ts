import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { buildRole, makesArticle } from "../../../lib/build/role.ts";
import { readFileNoFollow } from "../../../lib/fs/no-follow.ts";

/** Every file published with an article, once, at /files/<id>/<name> (the same for both scripts). */
export async function getStaticPaths() {
  const role = buildRole();
  const entries = (await getCollection("articles")).filter((entry) => makesArticle(role, entry.data.date.day));
  return entries.flatMap((entry) =>
    entry.data.attachments.map((attachment) => ({
      params: { id: entry.data.id, name: attachment.name },
      props: { source: attachment.source },
    })),
  );
}

export const GET: APIRoute = async ({ props }) =>
  new Response(await readFileNoFollow((props as { source: string }).source));
