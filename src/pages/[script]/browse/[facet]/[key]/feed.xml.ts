import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getBrowseIndex } from "../../../../../data/browse.ts";
import { SCRIPTS, scriptSegment, strings } from "../../../../../i18n/strings.ts";
import type { Script } from "../../../../../lib/article/schema.ts";
import { FEED_FACETS } from "../../../../../lib/browse/facets.ts";
import { feedItems, feedLanguage, newestOf } from "../../../../../lib/browse/feeds.ts";
import type { Group } from "../../../../../lib/browse/groups.ts";
import { FACET_LABEL, groupName } from "../../../../../lib/browse/labels.ts";
import { FEED_LENGTH } from "../../../../../lib/browse/sizes.ts";
import { groupPath } from "../../../../../lib/browse/urls.ts";
import { loadSiteConfig } from "../../../../../lib/site/config.ts";
import { absoluteUrl } from "../../../../../lib/site/urls.ts";
import { buildRole, makesListings } from "../../../../../lib/build/role.ts";
import { listingCacheKey } from "../../../../../data/page-keys.ts";

export async function getStaticPaths() {
  // A part of a site built in parts makes article pages only (src/lib/build/role.ts).
  if (!makesListings(buildRole())) return [];
  const index = await getBrowseIndex();
  return SCRIPTS.flatMap((script) =>
    FEED_FACETS.flatMap((facet) =>
      index.groups(facet).map((group) => ({
        params: { script: scriptSegment(script), facet, key: group.key },
        props: { script, group },
        cacheKey: listingCacheKey(script, {
          facet,
          key: group.key,
          name: groupName(index, group, script),
          items: newestOf(group.articles, FEED_LENGTH),
        }),
      })),
    ),
  );
}

/** The newest articles of one source, section, person or topic, in one script. */
export const GET: APIRoute = async ({ props }) => {
  const { script, group } = props as { script: Script; group: Group };
  const site = loadSiteConfig();
  const index = await getBrowseIndex();
  const title = `${strings(script)[FACET_LABEL[group.facet]]}：${groupName(index, group, script)}`;
  return rss({
    title: `${title} - ${site.title[script]}`,
    description: site.description[script],
    site: absoluteUrl(site.url, groupPath(script, group.facet, group.key)),
    items: feedItems(
      newestOf(group.articles, FEED_LENGTH).map((meta) => index.view(meta, script)),
      script,
    ),
    customData: `<language>${feedLanguage(script)}</language>`,
    trailingSlash: true,
  });
};
