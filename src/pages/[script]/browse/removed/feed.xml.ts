import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getBrowseIndex } from "../../../../data/browse.ts";
import { getSources } from "../../../../data/sources.ts";
import { SCRIPTS, scriptSegment, strings } from "../../../../i18n/strings.ts";
import type { Script } from "../../../../lib/article/schema.ts";
import { feedItems, feedLanguage } from "../../../../lib/browse/feeds.ts";
import { FEED_LENGTH } from "../../../../lib/browse/sizes.ts";
import { removedPath } from "../../../../lib/browse/urls.ts";
import { removedArticles } from "../../../../lib/sources/removed.ts";
import { loadSiteConfig } from "../../../../lib/site/config.ts";
import { absoluteUrl } from "../../../../lib/site/urls.ts";
import { buildRole, makesListings } from "../../../../lib/build/role.ts";

export function getStaticPaths() {
  if (!makesListings(buildRole())) return [];
  return SCRIPTS.map((script) => ({ params: { script: scriptSegment(script) }, props: { script } }));
}

/** The articles most recently found removed at their source, newest removal first; an entry's date is the removal's. */
export const GET: APIRoute = async ({ props }) => {
  const { script } = props as { script: Script };
  const site = loadSiteConfig();
  const t = strings(script);
  const index = await getBrowseIndex();
  const removed = removedArticles(getSources().removed(), (id) => index.get(id)).slice(0, FEED_LENGTH);
  const items = feedItems(
    removed.map(({ meta }) => index.view(meta, script)),
    script,
  ).map((item, i) => ({ ...item, pubDate: new Date(`${removed[i]!.removedOn}T00:00:00Z`) }));
  return rss({
    title: `${t.removedTitle} - ${site.title[script]}`,
    description: t.removedIntro,
    site: absoluteUrl(site.url, removedPath(script)),
    items,
    customData: `<language>${feedLanguage(script)}</language>`,
    trailingSlash: true,
  });
};
