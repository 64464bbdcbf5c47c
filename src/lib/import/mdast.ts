import type { Parent, PhrasingContent, Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Tidying of a Markdown tree converted from HTML, before it is written.
 * - Line breaks at the edge of bold or italic text (<strong>公报<br></strong>) move
 *   outside it: Markdown cannot close ** after a line break.
 * - Two or more line breaks in a row (<br><br>) are a paragraph break on Chinese
 *   sites, which lay out paragraphs that way, so the paragraph is split there.
 * - CommonMark does not recognise ** that closes after punctuation and runs into a
 *   letter (**“重要”**内容): a writer would escape the next character as &#x5185;.
 *   Punctuation at the edge of bold or italic text is moved outside it instead,
 *   so the Markdown stays readable (“**重要**”内容); the text is unchanged.
 */
export function tidyMarkdownTree(tree: Root): void {
  hoistBreaks(tree);
  splitAtDoubleBreaks(tree);
  visit(tree, (node) => {
    if ("children" in node && node.type !== "strong" && node.type !== "emphasis") liftEdgePunctuation(node as Parent);
  });
}

/** Moves line breaks (and blank text) at the start or end of bold or italic text out of it, innermost first. */
function hoistBreaks(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  for (const child of children) if ("children" in child) hoistBreaks(child as Parent);
  const blank = (node: PhrasingContent | undefined) =>
    node?.type === "break" || (node?.type === "text" && node.value.trim() === "");
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node?.type !== "strong" && node?.type !== "emphasis") continue;
    const before: PhrasingContent[] = [];
    const after: PhrasingContent[] = [];
    while (node.children.length > 0 && blank(node.children[0])) before.push(node.children.shift() as PhrasingContent);
    while (node.children.length > 0 && blank(node.children.at(-1)))
      after.unshift(node.children.pop() as PhrasingContent);
    if (before.length === 0 && after.length === 0) continue;
    const replacement = [...before, ...(node.children.length > 0 ? [node] : []), ...after];
    children.splice(i, 1, ...replacement);
    i += replacement.length - 1;
  }
}

function splitAtDoubleBreaks(tree: Root): void {
  const children: Root["children"] = [];
  for (const node of tree.children) {
    if (node.type !== "paragraph") {
      children.push(node);
      continue;
    }
    let current: PhrasingContent[] = [];
    let breaks = 0;
    const flush = () => {
      trimEdges(current);
      if (current.length > 0) children.push({ type: "paragraph", children: current });
      current = [];
    };
    for (const child of node.children) {
      if (child.type === "break") {
        breaks++;
        continue;
      }
      if (child.type === "text" && child.value.trim() === "" && breaks > 0) continue;
      if (breaks >= 2) flush();
      else if (breaks === 1) current.push({ type: "break" });
      breaks = 0;
      current.push(child);
    }
    flush();
  }
  tree.children = children;
}

/** Removes line breaks and blank text at the start and end of a paragraph. */
function trimEdges(nodes: PhrasingContent[]): void {
  while (nodes[0]?.type === "break" || (nodes[0]?.type === "text" && nodes[0].value.trim() === "")) nodes.shift();
  for (
    let last = nodes.at(-1);
    last?.type === "break" || (last?.type === "text" && last.value.trim() === "");
    last = nodes.at(-1)
  )
    nodes.pop();
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const LEADING = /^[\p{P}\p{S}]+/u;
const TRAILING = /[\p{P}\p{S}]+$/u;

function liftEdgePunctuation(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node?.type !== "strong" && node?.type !== "emphasis") continue;
    const head = node.children[0];
    const tail = node.children.at(-1);
    const before = textEnd(children[i - 1]);
    const after = textStart(children[i + 1]);
    const tight = (char: string | undefined) => char !== undefined && !/\s/.test(char) && !PUNCTUATION.test(char);
    const leadBroken = head?.type === "text" && LEADING.test(head.value) && tight(before);
    const trailBroken = tail?.type === "text" && TRAILING.test(tail.value) && tight(after);
    if (!leadBroken && !trailBroken) continue;
    // Both edges move together, so a pair of quotes stays a pair: “**重要**”内容.
    let lead = "";
    let trail = "";
    if (head?.type === "text") {
      lead = LEADING.exec(head.value)?.[0] ?? "";
      head.value = head.value.slice(lead.length);
    }
    if (tail?.type === "text") {
      trail = TRAILING.exec(tail.value)?.[0] ?? "";
      tail.value = tail.value.slice(0, tail.value.length - trail.length);
    }
    const replacement: PhrasingContent[] = [];
    if (lead) replacement.push({ type: "text", value: lead });
    if (plainText(node) !== "") replacement.push(node);
    if (trail) replacement.push({ type: "text", value: trail });
    children.splice(i, 1, ...replacement);
    i += replacement.length - 1;
  }
}

/** The text of a Markdown node, without syntax. */
export function plainText(node: Root | Parent | PhrasingContent): string {
  if ("value" in node && typeof node.value === "string") return node.type === "text" ? node.value : "";
  return "children" in node ? (node.children as PhrasingContent[]).map(plainText).join("") : "";
}

function textEnd(node: PhrasingContent | undefined): string | undefined {
  if (!node) return undefined;
  return [...plainText(node)].at(-1);
}

function textStart(node: PhrasingContent | undefined): string | undefined {
  if (!node) return undefined;
  return [...plainText(node)][0];
}
