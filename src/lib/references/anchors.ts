import { readUnitLabel } from "../structure/labels.ts";

// Where a paragraph or heading may start with a clause label: at a line's start after
// Markdown heading marks, or after an HTML <p> or heading tag (bodies copied from the web
// hold several on one line), then any inline tags and spaces.
const CLAUSE_START =
  /(?:^(?<marks>#{1,6}[ \t]+)?|<(?:p|(?<tag>h[1-6]))\b[^>]*>)(?:<[a-z][^>]*>)*[ \t\u200b\u3000\ufeff]*(?<label>第[^\n<]{0,30})/gmu;

/**
 * The clause anchors (art-12, art-287-1) a body's page will have, read from its Markdown
 * without rendering it: the paragraphs and headings that start with a clause label, read as
 * the renderer reads them (src/lib/markdown/structure.ts). A clause link is made only to an
 * anchor found here, so it never leads to a clause the page does not have.
 */
export function clauseAnchors(body: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of body.matchAll(CLAUSE_START)) {
    const { marks, tag, label: text = "" } = match.groups ?? {};
    const label = readUnitLabel(text, marks !== undefined || tag !== undefined);
    if (label?.kind === "article") anchors.add(`art-${label.number}${label.inserted ? `-${label.inserted}` : ""}`);
  }
  return anchors;
}
