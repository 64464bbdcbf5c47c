import type { Element, Root, RootContent, Text } from "hast";
import type { Converter } from "./converter.ts";
import { outputOffset } from "./offsets.ts";

/**
 * Inline protection: the element attribute that keeps its content as written in both
 * scripts. `<span translate="no">余秋雨</span>` in Markdown shows as plain text in any
 * Markdown viewer, and `translate="no"` is HTML's own way to say "do not localise this",
 * which browser translation tools honour too.
 */
export const KEEP_ATTRIBUTE = "translate";
/** The value of KEEP_ATTRIBUTE that marks protected content. */
export const KEEP_VALUE = "no";

/**
 * What rehype-sanitize must allow for inline protection, to merge into its schema's
 * `attributes`: the `translate` attribute with the value "no" on span and div (and only that value).
 */
export const KEEP_SANITIZE_ATTRIBUTES: { span: [string, string][]; div: [string, string][] } = {
  span: [[KEEP_ATTRIBUTE, KEEP_VALUE]],
  div: [[KEEP_ATTRIBUTE, KEEP_VALUE]],
};

/** Elements whose text is code or not prose: never converted. */
const SKIP = new Set(["code", "pre", "kbd", "samp", "script", "style", "template", "textarea", "svg", "math"]);

/**
 * Inline elements that do not end a word: text on both sides of their tags is read as
 * one stretch, so 新<strong>征程</strong> is still recognised as 新征程. Everything else
 * (paragraphs, list items, cells, <br>, images) ends a stretch.
 */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "data",
  "del",
  "dfn",
  "em",
  "i",
  "ins",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
]);

/**
 * Converts the text of a hast tree in place: text nodes and the attributes a reader reads
 * (READ_ATTRIBUTES), never other attribute values such as href or src, never inside code,
 * pre, script or style, never inside an element marked translate="no".
 * Adjacent text, also across inline markup such as <strong> or <a>, is converted as one
 * stretch so that OpenCC's phrase segmentation sees whole words.
 */
export function convertTree(tree: Root, converter: Converter): void {
  const stretches: Text[][] = [];
  let current: Text[] = [];
  const end = (): void => {
    if (current.length > 0) stretches.push(current);
    current = [];
  };
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "text") {
        current.push(node);
      } else if (node.type === "element") {
        if (isKept(node) || SKIP.has(node.tagName)) {
          end();
          continue;
        }
        convertReadAttributes(node, converter);
        if (INLINE.has(node.tagName)) {
          walk(node.children);
        } else {
          end();
          walk(node.children);
          end();
        }
      } else if (node.type === "comment" || node.type === "doctype") {
        end();
      }
    }
  };
  walk(tree.children);
  end();
  for (const stretch of stretches) convertStretch(stretch, converter);
}

/**
 * Attributes whose values are prose for the reader: alt text is what a screen reader reads
 * for an image, and a title is shown as a tooltip. Other attributes (href, src, ids,
 * classes, data-*) are addresses or names and are never converted.
 */
const READ_ATTRIBUTES = ["alt", "title"] as const;

function convertReadAttributes(element: Element, converter: Converter): void {
  for (const name of READ_ATTRIBUTES) {
    const value = element.properties[name];
    if (typeof value === "string" && value !== "") element.properties[name] = converter.convert(value);
  }
}

/** Whether an element is marked to keep its content as written. */
export function isKept(element: Element): boolean {
  const value = element.properties[KEEP_ATTRIBUTE];
  return typeof value === "string" && value.trim().toLowerCase() === KEEP_VALUE;
}

function convertStretch(nodes: readonly Text[], converter: Converter): void {
  if (nodes.length === 1) {
    const [node] = nodes;
    if (node) node.value = converter.convert(node.value);
    return;
  }
  const joined = nodes.map((node) => node.value).join("");
  const { source, output, spans } = converter.convertDetailed(joined);
  if (source.length !== joined.length) {
    // Normalisation of compatibility ideographs changed the length, so offsets would
    // not line up: convert node by node instead (practically never happens).
    for (const node of nodes) node.value = converter.convert(node.value);
    return;
  }
  // Cut the output where the source was cut between nodes.
  const conversion = { source, output, spans };
  let start = 0;
  let outStart = 0;
  nodes.forEach((node, index) => {
    const end = start + node.value.length;
    const outEnd = index === nodes.length - 1 ? output.length : Math.max(outputOffset(conversion, end), outStart);
    node.value = output.slice(outStart, outEnd);
    start = end;
    outStart = outEnd;
  });
}
