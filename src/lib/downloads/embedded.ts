/**
 * Files up to this size travel in their article's page in the original script, for the
 * page's Markdown link to save without a file of their own on the host (a news item is a
 * few kilobytes). A longer document's link leads to its month's zip: carrying it would
 * add its whole text to every reader's download of the page.
 */
export const EMBEDDED_SOURCE_LIMIT = 32 * 1024;

/**
 * An article's Markdown file as the JSON text of an inert `<script type="application/json">`
 * element, or undefined when the file is over EMBEDDED_SOURCE_LIMIT bytes. Every `<` is
 * escaped, so no text in the file can end the element.
 */
export function embeddedSourceJson(source: string): string | undefined {
  if (Buffer.byteLength(source, "utf8") > EMBEDDED_SOURCE_LIMIT) return undefined;
  return JSON.stringify(source).replaceAll("<", "\\u003c");
}

/** The id of the element that carries the article's Markdown file in its original page. */
export const EMBEDDED_SOURCE_ID = "article-source";
