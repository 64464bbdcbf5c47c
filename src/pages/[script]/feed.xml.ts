import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getBrowseIndex } from "../../data/browse.ts";
import { SCRIPTS, scriptSegment } from "../../i18n/strings.ts";
import type { Script } from "../../lib/article/schema.ts";
import { feedItems, feedLanguage, newestOf } from "../../lib/browse/feeds.ts";
import { FEED_LENGTH } from "../../lib/browse/sizes.ts";
import { loadSiteConfig } from "../../lib/site/config.ts";
import { absoluteUrl, homePath } from "../../lib/site/urls.ts";
import { buildRole, makesListings } from "../../lib/build/role.ts";

export function getStaticPaths() {
  // A part of a site built in parts makes article pages only (src/lib/build/role.ts).
  if (!makesListings(buildRole())) return [];
  return SCRIPTS.map((script) => ({ params: { script: scriptSegment(script) }, props: { script } }));
}

/** The newest articles of the whole archive, in one script. */
export const GET: APIRoute = async ({ props }) => {
  const { script } = props as { script: Script };
  const site = loadSiteConfig();
  const index = await getBrowseIndex();
  return rss({
    title: site.title[script],
    description: site.description[script],
    site: absoluteUrl(site.url, homePath(script)),
    items: feedItems(
      newestOf(index.articles, FEED_LENGTH).map((meta) => index.view(meta, script)),
      script,
    ),
    customData: `<language>${feedLanguage(script)}</language>`,
    trailingSlash: true,
  });
};
