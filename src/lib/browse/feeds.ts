import type { ArticleMeta, Script } from "../article/schema.ts";
import { articlePath } from "../site/urls.ts";
import { articleSummary } from "./summary.ts";

/** One feed entry, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** The newest `count` of a date-ordered (oldest first) list, newest first, as feeds list them. */
export function newestOf(articles: readonly ArticleMeta[], count: number): ArticleMeta[] {
  return articles.slice(-count).reverse();
}

/** Feed entries for articles already shown in `script`, linking to their pages in that script. */
export function feedItems(articles: readonly ArticleMeta[], script: Script): FeedItem[] {
  return articles.map((meta) => ({
    title: meta.title,
    link: articlePath(script, meta.id),
    pubDate: new Date(meta.date.iso),
    description: articleSummary(meta),
    categories: [...(meta.topics ?? [])],
  }));
}

/** The RSS language code of a script (RSS uses the old region codes). */
export function feedLanguage(script: Script): string {
  return script === "hans" ? "zh-cn" : "zh-tw";
}
