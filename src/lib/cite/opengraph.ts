import type { ArticleMeta } from "../article/schema.ts";
import type { PageContext } from "./jsonld.ts";

/** One `<meta property content>` tag. */
export interface MetaProperty {
  property: string;
  content: string;
}

/**
 * Open Graph tags for an article page (what chat apps and social sites show for a
 * shared link). `og:url` is the page itself, as its canonical link is; the locale is zh_CN for Simplified
 * and zh_TW for Traditional, the nearest Open Graph has to a script.
 */
export function openGraph(meta: ArticleMeta, page: PageContext, description: string): MetaProperty[] {
  const locale = page.script === "hans" ? "zh_CN" : "zh_TW";
  const tags: [string, string | undefined][] = [
    ["og:type", "article"],
    ["og:title", meta.title],
    ["og:description", description || undefined],
    ["og:url", page.pageUrl],
    ["og:site_name", page.siteTitle],
    ["og:locale", locale],
    ["og:locale:alternate", locale === "zh_CN" ? "zh_TW" : "zh_CN"],
    ["article:published_time", meta.date.iso],
    ["article:section", meta.section],
    ...(meta.topics ?? []).map((topic): [string, string] => ["article:tag", topic]),
  ];
  return tags
    .filter((tag): tag is [string, string] => tag[1] !== undefined)
    .map(([property, content]) => ({ property, content }));
}
