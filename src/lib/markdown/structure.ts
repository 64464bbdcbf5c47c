import type { Element, ElementContent, Root } from "hast";
import { AnchorNamer, isArticleAnchor, isUnitAnchor, readUnitLabel } from "../structure/labels.ts";

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Class of the visible § link that follows a numbered unit: left out of the unit's text. */
export const ANCHOR_LINK_CLASS = "anchor";
/** Enough leading text to read the longest label (第一千二百六十条之一). */
const LABEL_TEXT_LENGTH = 24;

/**
 * Gives every top-level paragraph an id, and every numbered unit (chapter, section,
 * article, numbered item) an anchor made from its numbers, followed by a § link to it.
 * Other paragraphs are numbered p-1, p-2, ... Conversion keeps the tree's shape, so an
 * id marks the same place in both scripts: links to clauses and the script switch use it.
 * Runs after sanitising, which prefixes the ids an author writes, so every id on the
 * page is one of ours.
 */
export function anchorUnits(tree: Root): void {
  const namer = new AnchorNamer();
  let paragraphs = 0;
  for (const node of tree.children) {
    if (node.type !== "element") continue;
    const heading = HEADINGS.has(node.tagName);
    if (!heading && node.tagName !== "p") continue;
    const paragraphId = heading ? undefined : `p-${++paragraphs}`;
    const label = readUnitLabel(leadingText(node, LABEL_TEXT_LENGTH), heading);
    const anchor = label && namer.next(label);
    if (anchor) {
      node.properties["id"] = anchor;
      node.children.push(anchorLink(anchor));
    } else if (paragraphId) {
      node.properties["id"] = paragraphId;
    }
  }
}

function anchorLink(id: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { className: [ANCHOR_LINK_CLASS], href: `#${id}`, dataPagefindIgnore: "" },
    children: [{ type: "text", value: "§" }],
  };
}

/** The first characters of an element's text. */
function leadingText(node: Element, length: number): string {
  let text = "";
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (text.length >= length) return;
      if (child.type === "text") text += child.value;
      else if (child.type === "element") walk(child.children);
    }
  };
  walk(node.children);
  return text;
}

/** An element's text without its § link. */
export function unitText(node: Element): string {
  let text = "";
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === "text") text += child.value;
      else if (child.type === "element" && !isAnchorLink(child)) {
        if (child.tagName === "br") text += "\n";
        else walk(child.children);
      }
    }
  };
  walk(node.children);
  return text;
}

function isAnchorLink(node: Element): boolean {
  const className = node.properties["className"];
  return node.tagName === "a" && Array.isArray(className) && className.includes(ANCHOR_LINK_CLASS);
}

/** One entry of a document's contents list. */
export interface OutlineEntry {
  id: string;
  /** 1 for the outermost level listed. */
  depth: number;
  text: string;
}

/** Fewest headings (or, in a document without numbered headings, articles) that make a contents list worth showing. */
const OUTLINE_MIN_HEADINGS = 3;
const OUTLINE_MIN_ARTICLES = 10;

/**
 * The contents list of a document: its numbered headings (编, 章, 节, 一、...) nested by
 * heading level, or, in a document of clauses without chapters, its articles. Empty when
 * the document is too short to need one. Read from the tree in the script shown.
 */
export function outline(tree: Root): OutlineEntry[] {
  const headings: { id: string; level: number; text: string }[] = [];
  const articles: OutlineEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== "element") continue;
    const id = node.properties["id"];
    if (typeof id !== "string" || !isUnitAnchor(id)) continue;
    if (HEADINGS.has(node.tagName)) {
      headings.push({ id, level: Number(node.tagName.slice(1)), text: unitText(node).trim() });
    } else if (isArticleAnchor(id)) {
      const label = readUnitLabel(leadingText(node, LABEL_TEXT_LENGTH), false);
      if (label) articles.push({ id, depth: 1, text: label.text });
    }
  }
  if (headings.length >= OUTLINE_MIN_HEADINGS) {
    const levels = [...new Set(headings.map((heading) => heading.level))].sort();
    return headings.map(({ id, level, text }) => ({ id, depth: levels.indexOf(level) + 1, text }));
  }
  return articles.length >= OUTLINE_MIN_ARTICLES && headings.length === 0 ? articles : [];
}

/** One clause (条) of a document: its anchor, its label and its text without the label. */
export interface Clause {
  /** The clause's anchor, such as art-12; empty for the whole text of a document without clauses. */
  id: string;
  /** The label as written, such as 第十二条. */
  label: string;
  /** The clause's text after its label, its paragraphs (款) one a line. */
  text: string;
}

const LEADING_SPACE = /^[\s\u200b\u3000\ufeff]+/;

/**
 * The clauses of a document in order: each 第X条 paragraph with the paragraphs that
 * follow it up to the next clause or heading. A document without clauses is one clause
 * with an empty label, holding all its text, so any two versions can be compared.
 */
export function clauses(tree: Root): Clause[] {
  const found: Clause[] = [];
  const whole: string[] = [];
  let open: { id: string; label: string; lines: string[] } | undefined;
  const close = () => {
    if (open) found.push({ id: open.id, label: open.label, text: open.lines.join("\n") });
    open = undefined;
  };
  for (const node of tree.children) {
    if (node.type !== "element") continue;
    const text = unitText(node).replace(LEADING_SPACE, "").trimEnd();
    if (text !== "") whole.push(text);
    const id = node.properties["id"];
    if (typeof id === "string" && isArticleAnchor(id)) {
      close();
      const label = readUnitLabel(text, HEADINGS.has(node.tagName))?.text ?? "";
      open = { id, label, lines: [text.slice(label.length).replace(LEADING_SPACE, "")] };
    } else if (HEADINGS.has(node.tagName)) {
      close();
    } else if (open && text !== "") {
      open.lines.push(text);
    }
  }
  close();
  return found.length > 0 ? found : [{ id: "", label: "", text: whole.join("\n") }];
}
