import type { Element, ElementContent, Root, RootContent } from "hast";

/**
 * Ruby annotations in saved HTML pages: <ruby>當<rp>(</rp><rt>dāng</rt><rp>)</rp></ruby>.
 * The pronunciation is the page's reading aid, not the text, and copied as text it
 * turns into 當(dāng); only the base characters belong in the article.
 */

const ANNOTATION_TAGS = new Set(["rt", "rp", "rtc"]);

/** Returns a copy of an HTML tree without ruby annotations (rt, rp, rtc); the annotated characters stay. */
export function dropRubyAnnotations<T extends Root | Element>(tree: T): T {
  return { ...tree, children: withoutAnnotations(tree.children) };
}

function withoutAnnotations<T extends RootContent | ElementContent>(children: T[]): T[] {
  const kept: T[] = [];
  for (const child of children) {
    if (child.type !== "element") {
      kept.push(child);
      continue;
    }
    if (ANNOTATION_TAGS.has(child.tagName)) continue;
    kept.push({ ...child, children: withoutAnnotations(child.children) });
  }
  return kept;
}
