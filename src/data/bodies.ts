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
