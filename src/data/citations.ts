import { getBrowseIndex } from "./browse.ts";
import { citationItem, type CitationItem } from "../lib/cite/item.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import { absoluteUrl, articlePath } from "../lib/site/urls.ts";

/** Props of a citation download: the article's citation facts in its original script. */
export interface CitationProps {
  item: CitationItem;
}

/** One path per article for a citation download route, its permanent link as the cited URL. */
export async function citationPaths(): Promise<{ params: { id: string }; props: CitationProps }[]> {
  const { url } = loadSiteConfig();
  const { articles } = await getBrowseIndex();
  return articles.map((meta) => ({
    params: { id: meta.id },
    props: {
      item: citationItem(meta, { url: absoluteUrl(url, articlePath(meta.script, meta.id)), script: meta.script }),
    },
  }));
}
