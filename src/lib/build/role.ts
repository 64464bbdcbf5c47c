import path from "node:path";
import { parseSpan, spanHolds, type YearSpan } from "./parts.ts";

/**
 * What one run of `astro build` makes. A whole build makes the site. A part (BUILD_PART,
 * set by `npm run build:part`) makes only the pages and downloads of its own articles and
 * their search shards, and records in its folder (BUILD_RECORD) what the assemble step
 * needs. The assemble step (BUILD_ASSEMBLE, set by `npm run build:assemble`, the parts'
 * record folders) makes everything else: listings, feeds, exports, sitemap, search manifests.
 */
export type BuildRole =
  { kind: "whole" } | { kind: "part"; span: YearSpan; record: string } | { kind: "assemble"; parts: string[] };

/** The role of this build, from the environment. */
export function buildRole(env: NodeJS.ProcessEnv = process.env): BuildRole {
  const part = env["BUILD_PART"];
  const assemble = env["BUILD_ASSEMBLE"];
  if (part && assemble) throw new Error("BUILD_PART and BUILD_ASSEMBLE cannot both be set");
  if (part) {
    const record = env["BUILD_RECORD"];
    if (!record) throw new Error("a part build (BUILD_PART) needs BUILD_RECORD, the folder for its record");
    return { kind: "part", span: parseSpan(part), record: path.resolve(record) };
  }
  if (assemble) {
    return {
      kind: "assemble",
      parts: assemble
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.resolve(dir)),
    };
  }
  return { kind: "whole" };
}

/** Whether this build makes the pages and downloads of the article published on `day` (YYYY-MM-DD). */
export function makesArticle(role: BuildRole, day: string): boolean {
  if (role.kind === "whole") return true;
  if (role.kind === "assemble") return false;
  return spanHolds(role.span, day);
}

/**
 * Whether this build makes the listings (home, browse, feeds, search page) and the exports of
 * the whole archive (data/articles.*): all but a part do.
 */
export function makesListings(role: BuildRole): boolean {
  return role.kind !== "part";
}
