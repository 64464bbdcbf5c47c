import { getCollection } from "astro:content";
import type { ArticleMeta } from "../lib/article/schema.ts";
import { buildVersionChains, type VersionChains } from "../lib/versions/chain.ts";

let cached: Promise<VersionChains<ArticleMeta>> | undefined;

/**
 * The version chains of the archive, built once per build and shared by every article
 * page and comparison page (the dev server rebuilds them on each request).
 */
export function getVersionChains(): Promise<VersionChains<ArticleMeta>> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<VersionChains<ArticleMeta>> {
  const entries = await getCollection("articles");
  return buildVersionChains(entries.map((entry) => entry.data));
}
