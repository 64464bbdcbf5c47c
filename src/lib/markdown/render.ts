import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { sanitizeSchema } from "./sanitize-schema.ts";
import { keepNumbersWithUnits } from "./numbers.ts";
import { anchorUnits } from "./structure.ts";
import { linkReferences } from "../references/link.ts";
import type { CitingArticle } from "../references/find.ts";
import type { ReferenceResolver } from "../references/types.ts";

/**
 * Markdown to a sanitised HTML tree. Raw HTML in articles (the xwlb items carry
 * `<p>`, `<strong>`, `<br>`) is parsed into the tree and then cut down to an
 * allow-list, so hostile markup never reaches a page.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(anchorStructure)
  .use(numbersWithUnits)
  .freeze();

/** Anchors ids after sanitising, which would prefix them (see anchorUnits). */
function anchorStructure() {
  return anchorUnits;
}

/** Keeps numbers on one line with their unit; after sanitising, which would drop the class. */
function numbersWithUnits() {
  return keepNumbersWithUnits;
}

/** What linking the document references of a body needs: the article and the archive's documents. */
export interface ReferenceOptions {
  citing: CitingArticle;
  resolver: ReferenceResolver;
}

/**
 * Parses an article body once into a sanitised HTML tree, from which every script variant
 * is made. With `references`, the last step links the documents and clauses the body cites
 * (src/lib/references/): after the anchors, so that 本法第十二条 can link to the body's own.
 */
export function parseBody(markdown: string, references?: ReferenceOptions): Root {
  const tree = processor.runSync(processor.parse(markdown));
  if (references) linkReferences(tree, references.citing, references.resolver);
  return tree;
}

/** Serialises an HTML tree. */
export function treeToHtml(tree: Root): string {
  return toHtml(tree);
}

/** Renders Markdown to sanitised HTML in one step. */
export function renderMarkdown(markdown: string): string {
  return treeToHtml(parseBody(markdown));
}
