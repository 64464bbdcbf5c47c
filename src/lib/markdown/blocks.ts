import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";

/** Elements whose text is one block of prose. */
const BLOCKS = new Set(["p", "li", "dd", "td", "th", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Elements never read as prose: code, and what the page adds for navigation. */
const SKIPPED = new Set(["pre", "code", "script", "style", "template", "svg", "math"]);

/** Whether an element is one the page adds beside the text (the § anchor links). */
const added = (node: Element): boolean => node.properties["dataPagefindIgnore"] !== undefined;

/**
 * The text of each block of an article body (paragraphs, list items, headings, table
 * cells) in reading order, without code or the anchor links the page adds.
 */
export function blockTexts(tree: Root): string[] {
  const texts: string[] = [];
  const walk = (nodes: readonly (ElementContent | Root["children"][number])[]): void => {
    for (const node of nodes) {
      if (node.type !== "element" || SKIPPED.has(node.tagName) || added(node)) continue;
      if (
        BLOCKS.has(node.tagName) &&
        !node.children.some((child) => child.type === "element" && BLOCKS.has(child.tagName))
      ) {
        texts.push(toText(withoutAdded(node)));
      } else {
        walk(node.children);
      }
    }
  };
  walk(tree.children);
  return texts;
}

/** A shallow copy of a block without its added elements, so their text is not read. */
function withoutAdded(node: Element): Element {
  const keep = (children: ElementContent[]): ElementContent[] =>
    children
      .filter((child) => child.type !== "element" || (!added(child) && !SKIPPED.has(child.tagName)))
      .map((child) => (child.type === "element" ? { ...child, children: keep(child.children) } : child));
  return { ...node, children: keep(node.children) };
}
