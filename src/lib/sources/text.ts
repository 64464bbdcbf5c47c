import { createHash } from "node:crypto";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { plainText } from "../import/mdast.ts";

/**
 * The text two captures of an article are compared by, and hashed: the words of each
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

/** The content hash of an article body: SHA-256 of its comparable text. */
export function contentHash(markdown: string): string {
  return sha256(comparableText(markdown));
}
