import { getCollection } from "astro:content";
import { viewMeta } from "../lib/article/view.ts";
import { bodyOf } from "./bodies.ts";
import { buildBrowseIndex, type BrowseIndex } from "../lib/browse/index.ts";

let cached: Promise<BrowseIndex> | undefined;

/**
 * The browse index of the archive, built once per build and shared by every page,
 * feed and article footer (the build runs all pages in one process). The dev server
 * rebuilds it on each request instead, so edited articles show up.
 */
export function getBrowseIndex(): Promise<BrowseIndex> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<BrowseIndex> {
  const entries = await getCollection("articles");
  return buildBrowseIndex(
    entries.map((entry) => ({ meta: entry.data, body: bodyOf(entry.data) })),
    { view: viewMeta },
  );
}
