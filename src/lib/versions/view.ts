import type { Element, ElementContent, Root } from "hast";
import { converterFor } from "../article/view.ts";
import type { ArticleMeta, Script } from "../article/schema.ts";
import { parseBody, treeToHtml } from "../markdown/render.ts";
import { clauses, unitText } from "../markdown/structure.ts";
import { convertTree } from "../script/index.ts";
import { compareClauses, countChanges, type ChangeKind, type ClauseChange, type TextPart } from "./compare.ts";

/** One clause change as a page shows it, in one script. */
export interface ChangeView {
  kind: ChangeKind;
  /** The clause's anchor and label in each version that has it. */
  older?: { id: string; label: string };
  newer?: { id: string; label: string };
  /** The text with <del> and <ins> marks; empty for clauses that only moved. */
  html: string;
}

/** A comparison of two versions as a page shows it. */
export interface ComparisonView {
  changes: ChangeView[];
  counts: Record<ChangeKind, number>;
}

const element = (tagName: string, children: ElementContent[], className?: string): Element => ({
  type: "element",
  tagName,
  properties: className ? { className: [className] } : {},
  children,
});

const MARK: Record<TextPart["kind"], string | undefined> = { same: undefined, del: "del", ins: "ins" };

/** Compares the bodies of two versions of a document clause by clause, in their original script. */
export function compareVersions(olderBody: string, newerBody: string): ClauseChange[] {
  return compareClauses(clauses(parseBody(olderBody)), clauses(parseBody(newerBody)));
}

/**
 * A comparison as shown in one script: made on the original text (once for both
 * scripts), then converted as a whole, so words that run across a mark are converted
 * as words.
 */
export function comparisonView(all: readonly ClauseChange[], newer: ArticleMeta, script: Script): ComparisonView {
  const shown = all.filter((change) => change.kind !== "unchanged");
  const blocks = shown.map((change) =>
    element("div", [
      element("span", [{ type: "text", value: change.older?.label ?? "" }]),
      element("span", [{ type: "text", value: change.newer?.label ?? "" }]),
      element(
        "p",
        change.kind === "renumbered"
          ? []
          : change.parts.map((part): ElementContent => {
              const text = { type: "text" as const, value: part.text };
              const mark = MARK[part.kind];
              return mark ? element(mark, [text]) : text;
            }),
        "clause-text",
      ),
    ]),
  );
  const tree: Root = { type: "root", children: blocks };
  const converter = converterFor(newer, script);
  if (converter) convertTree(tree, converter);
  return {
    counts: countChanges(all),
    changes: shown.map((change, i) => {
      const [olderLabel, newerLabel, text] = blocks[i]!.children as Element[];
      return {
        kind: change.kind,
        ...(change.older && { older: { id: change.older.id, label: unitText(olderLabel!) } }),
        ...(change.newer && { newer: { id: change.newer.id, label: unitText(newerLabel!) } }),
        html: text!.children.length > 0 ? treeToHtml({ type: "root", children: [text!] }) : "",
      };
    }),
  };
}
