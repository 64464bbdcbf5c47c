import type { Element, ElementContent, Root, Text } from "hast";

/**
 * Numbers kept on one line with their unit. Chinese text may break a line between any two
 * characters, so 突破3亿人次 can end one line with 3 and start the next with 亿. A number
 * and the character after it (亿, 万, 年, 月, 元, 名, %) are wrapped in a span that the page
 * does not break (`.nb`, white-space: nowrap).
 */

/** The class of a number kept with its unit. */
export const NO_BREAK_CLASS = "nb";

/** Digits (with a decimal point, thousands separators or a ratio's colon inside) and the unit after them. */
const NUMBER_WITH_UNIT = /[0-9０-９]+(?:[.,:．，][0-9０-９]+)*(?:[%％‰℃]|\p{Script=Han})/gu;

/** One piece of a text: either ordinary text or a number with its unit, to be kept together. */
export interface TextPiece {
  text: string;
  keep: boolean;
}

/** Splits a text into ordinary stretches and numbers with their unit (see the module comment). */
export function numberUnitPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), keep: false });
    pieces.push({ text: match[0], keep: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), keep: false });
  return pieces;
}

/** Elements whose text is left as it is: code, and what is already unbreakable. */
const LEFT_ALONE = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"]);

/**
 * Wraps every number with its unit in the tree's text in a no-break span. Script conversion
 * reads text across spans as one stretch, so the wrapping changes no conversion.
 */
export function keepNumbersWithUnits(tree: Root): void {
  const visit = (parent: Root | Element): void => {
    const children: (Root["children"][number] | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type === "text") {
        children.push(...wrapped(child));
      } else {
        if (child.type === "element" && !LEFT_ALONE.has(child.tagName) && !isNoBreak(child)) visit(child);
        children.push(child);
      }
    }
    parent.children = children as typeof parent.children;
  };
  visit(tree);
}

function wrapped(node: Text): ElementContent[] {
  const pieces = numberUnitPieces(node.value);
  if (!pieces.some((piece) => piece.keep)) return [node];
  return pieces.map(({ text, keep }) =>
    keep
      ? {
          type: "element",
          tagName: "span",
          properties: { className: [NO_BREAK_CLASS] },
          children: [{ type: "text", value: text }],
        }
      : { type: "text", value: text },
  );
}

function isNoBreak(node: Element): boolean {
  const className = node.properties["className"];
  return Array.isArray(className) && className.includes(NO_BREAK_CLASS);
}
