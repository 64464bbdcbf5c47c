import { readFile } from "node:fs/promises";
import type { APIRoute } from "astro";
import { getCollection, type CollectionEntry } from "astro:content";

export async function getStaticPaths() {
  return (await getCollection("articles")).map((entry) => ({ params: { id: entry.data.id }, props: { entry } }));
}

/** An article's Markdown file exactly as stored in the archive, byte for byte. */
export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<"articles"> };
  return new Response(await readFile(entry.data.file), {
    headers: { "content-type": "text/markdown; charset=utf-8" },
  });
};
