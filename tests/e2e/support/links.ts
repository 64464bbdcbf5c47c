import { LinkChecker, type LinkResult } from "linkinator";

/** What crawling a served site from one address found: every link, and the broken ones with the page linking them. */
export interface CrawlResult {
  links: LinkResult[];
  broken: string[];
}

/** Follows every link of a served site from `start`, staying on `origin` (other hosts are skipped). */
export async function crawlSite(start: string, origin: string): Promise<CrawlResult> {
  const result = await new LinkChecker().check({
    path: start,
    recurse: true,
    linksToSkip: [`^(?!${origin.replace(/[.]/g, "\\.")})`],
    concurrency: 8,
  });
  return {
    links: result.links,
    broken: result.links.filter((link) => link.state === "BROKEN").map((link) => `${link.url} (from ${link.parent})`),
  };
}
