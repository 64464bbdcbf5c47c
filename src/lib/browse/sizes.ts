/**
 * Articles listed on one browse page: 100 titles are about 8 KB compressed, small on a
 * phone and a slow network, and half the pages of 50 on hosts that count files.
 */
export const ARTICLES_PER_PAGE = 100;

/** Groups (persons, topics...) listed on one page of a facet's index. */
export const GROUPS_PER_PAGE = 200;

/** Newest articles in each feed. */
export const FEED_LENGTH = 50;
