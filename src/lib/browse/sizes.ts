/** Articles listed on one browse page: a page stays small on a phone and a slow network. */
export const ARTICLES_PER_PAGE = 50;

/** Groups (persons, topics...) listed on one page of a facet's index. */
export const GROUPS_PER_PAGE = 200;

/** Newest articles in each feed. */
export const FEED_LENGTH = 50;
