import { readUnitLabel } from "../structure/labels.ts";

// A line that may start a clause: 第 after optional heading marks, tags and spaces.
const CLAUSE_LINE = /^(#{1,6}[ \t]+)?(?:<[a-z][^>]*>)*[\s\u200b\u3000\ufeff]*(第[^\n]{0,30})/gmu;

/**
 * The clause anchors (art-12, art-287-1) a body's page will have, read from its Markdown
 * without rendering it: the lines that start with a clause label, read as the renderer
 * reads them (src/lib/markdown/structure.ts). A clause link is made only to an anchor
 * found here, so it never leads to a clause the page does not have.
 */
export function clauseAnchors(body: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of body.matchAll(CLAUSE_LINE)) {
    const label = readUnitLabel(match[2] ?? "", match[1] !== undefined);
    if (label?.kind === "article") anchors.add(`art-${label.number}${label.inserted ? `-${label.inserted}` : ""}`);
  }
  return anchors;
}
