import { getCollection } from "astro:content";
import { viewMeta } from "../lib/article/view.ts";
import { bodyOf, keptBodyOf } from "./bodies.ts";
import { buildBrowseIndex, type BrowseIndex } from "../lib/browse/index.ts";
import { perArchive } from "./archive-state.ts";

/**
 * The browse index of the archive, built once per build and shared by every page,
 * feed and article footer (the build runs all pages in one process). The dev server
 * builds it again when an article has changed, so edits show up.
 */
export const getBrowseIndex: () => Promise<BrowseIndex> = perArchive(load);

async function load(): Promise<BrowseIndex> {
  const entries = await getCollection("articles");
  return buildBrowseIndex(
    // The dev server builds the index again after each edit: only the changed files are read again.
    entries.map((entry) => ({
      meta: entry.data,
      body: import.meta.env.DEV ? keptBodyOf(entry.data) : bodyOf(entry.data),
    })),
    { view: viewMeta },
  );
}
