import type { Element, ElementContent, Root, Text } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { findReferences, type CitingArticle } from "./find.ts";
import type { Reference, ReferenceResolver } from "./types.ts";

/** Class of the links made to cited documents and clauses. */
export const REFERENCE_CLASS = "reference";

/** Elements whose text is never linked: links already, code, and what is not text. */
const UNLINKED = new Set(["a", "code", "pre", "kbd", "samp", "script", "style", "svg", "math"]);

/**
 * The address of a reference from an article page. Relative (../<id>/#art-12), so that
 * one tree serves the pages of both scripts, each linking within its own script, and the
 * site works under any base path.
 */
export function referenceHref(reference: Reference, citingId: string): string {
  const anchor = reference.anchor ? `#${reference.anchor}` : "";
  return reference.target === citingId && anchor ? anchor : `../${reference.target}/${anchor}`;
}

/** The clause anchors a parsed body carries (see src/lib/markdown/structure.ts). */
export function treeAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  for (const node of tree.children) {
    const id = node.type === "element" ? node.properties["id"] : undefined;
    if (typeof id === "string" && /^art-\d+(?:-\d+)?$/.test(id)) anchors.add(id);
  }
  return anchors;
}

/**
 * Links the references in an article's parsed body (see findReferences): each cited title
 * to the version of the document in force on the article's day, each clause to its anchor.
 * Runs on the sanitised tree, in the article's original script, before conversion, which
 * keeps links and changes text only.
 */
export function linkReferences(tree: Root, citing: CitingArticle, resolver: ReferenceResolver): void {
  const ownAnchors = treeAnchors(tree);
  const aliases = new Map<string, string | undefined>();
  visit(tree, (node, index, parent) => {
    if (node.type === "element" && UNLINKED.has(node.tagName)) return SKIP;
    if (node.type !== "text" || !parent || index === undefined) return undefined;
    const references = findReferences(node.value, citing, resolver, ownAnchors, aliases);
    if (references.length === 0) return undefined;
    const pieces = split(node, references, citing.id);
    parent.children.splice(index, 1, ...(pieces as ElementContent[]));
    return index + pieces.length;
  });
}

function split(node: Text, references: readonly Reference[], citingId: string): (Text | Element)[] {
  const pieces: (Text | Element)[] = [];
  let at = 0;
  for (const reference of references) {
    if (reference.start < at) continue;
    if (reference.start > at) pieces.push({ type: "text", value: node.value.slice(at, reference.start) });
    pieces.push({
      type: "element",
      tagName: "a",
      properties: { className: [REFERENCE_CLASS], href: referenceHref(reference, citingId) },
      children: [{ type: "text", value: node.value.slice(reference.start, reference.end) }],
    });
    at = reference.end;
  }
  if (at < node.value.length) pieces.push({ type: "text", value: node.value.slice(at) });
  return pieces;
}
