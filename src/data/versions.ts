import { getCollection } from "astro:content";
import type { ArticleMeta } from "../lib/article/schema.ts";
import { buildVersionChains, type VersionChains } from "../lib/versions/chain.ts";
import type { ClauseChange } from "../lib/versions/compare.ts";
import { compareVersions } from "../lib/versions/view.ts";
import { perArchive } from "./archive-state.ts";

/**
 * The version chains of the archive, built once per build and shared by every article
 * page and comparison page (the dev server builds them again when an article has changed).
 */
export const getVersionChains: () => Promise<VersionChains<ArticleMeta>> = perArchive(load);

async function load(): Promise<VersionChains<ArticleMeta>> {
  const entries = await getCollection("articles");
  return buildVersionChains(entries.map((entry) => entry.data));
}

const comparisons = new Map<string, ClauseChange[]>();

/** The clause-by-clause comparison of two versions, made once per build for both scripts' pages. */
export function getComparison(
  older: { id: string; body: string },
  newer: { id: string; body: string },
): ClauseChange[] {
  const key = `${older.id} ${newer.id}`;
  let changes = comparisons.get(key);
  if (!changes || import.meta.env.DEV) {
    changes = compareVersions(older.body, newer.body);
    comparisons.set(key, changes);
  }
  return changes;
}
