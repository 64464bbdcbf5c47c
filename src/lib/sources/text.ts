import { createHash } from "node:crypto";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { plainText } from "../import/mdast.ts";

/**
 * The text two captures of an article are compared by: the words of each
 * block (paragraph, heading, table cell, code) of the Markdown body, one block a line,
 * with runs of spaces made one. Markup (emphasis, links, list and table syntax) and the
 * page around the article are not part of it, so a new layout of the same text is the
 * same text.
 */

const parser = unified().use(remarkParse).use(remarkGfm);

const LEAF_BLOCKS = new Set(["paragraph", "heading", "tableCell", "code", "html"]);

/** The comparable text of a Markdown body. */
export function comparableText(markdown: string): string {
  const lines: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (LEAF_BLOCKS.has(node.type)) {
      const text = ("value" in node && node.type !== "html" ? String(node.value) : plainText(node as Root))
        .replace(/\s+/g, " ")
        .trim();
      if (text !== "") lines.push(text);
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(parser.parse(markdown));
  return lines.join("\n");
}

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The content hash of an archived text (an article's body, a capture's, the text a check
 * extracted): SHA-256 of the Markdown body, its line ends made \n and its blank lines at
 * either end dropped, ending in one newline. Anyone can check it against the article's
 * Markdown download. A hash of the Markdown rather than of the comparable text, because
 * every page and export shows it for every article, and hashing is a thousand times quicker
 * than parsing Markdown (17 ms a day's transcript).
 */
export function contentHash(markdown: string): string {
  return sha256(
    `${markdown
      .replace(/\r\n?/g, "\n")
      .replace(/^\s*\n/, "")
      .trimEnd()}\n`,
  );
}
