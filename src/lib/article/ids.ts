import { createHash } from "node:crypto";
import { ID_PATTERN } from "./schema.ts";

/**
 * Makes a new permanent id from an article's day and a seed (its original title and
 * source, say): the day keeps ids readable and sorted, the key keeps them apart.
 * Called once, when an article enters the archive; the id is then stored in its
 * front matter and never recomputed, so later corrections do not change it.
 */
export function makeArticleId(day: string, seed: string): string {
  const key = BigInt(`0x${createHash("sha256").update(seed).digest("hex").slice(0, 12)}`)
    .toString(36)
    .padStart(8, "0")
    .slice(0, 6);
  return `${day}-${key}`;
}

/** Whether a string is usable as an article id. */
export function isArticleId(value: string): boolean {
  return value.length >= 3 && value.length <= 80 && ID_PATTERN.test(value);
}
