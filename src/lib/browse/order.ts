import type { ArticleMeta } from "../article/schema.ts";

/** Sorts articles oldest first, ties broken by id so that every build lists them in the same order. */
export function inDateOrder(articles: readonly ArticleMeta[]): ArticleMeta[] {
  const instants = new Map(articles.map((meta) => [meta.id, Date.parse(meta.date.iso)]));
  const instant = (meta: ArticleMeta): number => instants.get(meta.id) ?? 0;
  return [...articles].sort((a, b) => instant(a) - instant(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
