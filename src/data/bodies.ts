import { readFileNoFollowSync } from "../lib/fs/no-follow.ts";
import { articleBody } from "../lib/article/frontmatter.ts";

/**
 * An article's Markdown file as stored, read from the archive. The content store holds
 * front matter only (src/loaders/articles.ts): Astro bundles the whole store into the
 * build, and bodies made it three times the size, each build's bundling and loading slower with it.
 */
export function storedFileOf(article: { file: string }): string {
  return readFileNoFollowSync(article.file).toString("utf8");
}

/** An article's Markdown body, read from its file. */
export function bodyOf(article: { file: string }): string {
  return articleBody(storedFileOf(article));
}

/** Bodies read by `keptBodyOf`, by file, with the hash of the file they were read under. */
const keptBodies = new Map<string, { sourceHash: string; body: string }>();

/**
 * An article's body, read from its file only when the store's hash of that file is not the
 * one it was last read under: for the dev server, which builds the whole-archive index again
 * after every edit and would otherwise read every file again.
 */
export function keptBodyOf(article: { file: string; sourceHash: string }): string {
  const kept = keptBodies.get(article.file);
  if (kept?.sourceHash === article.sourceHash) return kept.body;
  const body = bodyOf(article);
  keptBodies.set(article.file, { sourceHash: article.sourceHash, body });
  return body;
}
