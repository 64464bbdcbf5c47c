import type { Root as MdastRoot } from "mdast";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { cleanInline } from "../cleanup/text.ts";
import { addStats, type CleanupStats, type ImportWarning } from "./draft.ts";
import { mojibakeWarnings } from "./warnings.ts";

/**
 * Markdown bodies: written from paragraphs of a raw copy, or cleaned in place when
 * they arrive as Markdown (JSONL). Cleanup touches text only, never Markdown syntax,
 * links or code.
 */

/** How bodies are written: one style across the archive. */
export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: "-",
  emphasis: "*",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  rule: "-",
};

const stringifier = unified().use(remarkStringify, STRINGIFY_OPTIONS);
const parser = unified().use(remarkParse);

/** Writes paragraphs of plain text as a Markdown body, escaping what Markdown would read as syntax (a leading 1. or #). */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const tree: MdastRoot = {
    type: "root",
    children: paragraphs.map((text) => ({ type: "paragraph", children: [{ type: "text", value: text }] })),
  };
  return stringifier.stringify(tree);
}

/** Writes a Markdown tree as text in the archive's style. */
export function stringifyMarkdown(tree: MdastRoot): string {
  return stringifier.stringify(tree);
}

/**
 * Cleans the text of a Markdown body in place: each text node whose source is
 * plain text (no escapes or entities) is cleaned and spliced back, so the rest of
 * the file (syntax, links, HTML, code, line breaks) stays exactly as written.
 * Paragraph indentation (full-width or non-breaking spaces) is dropped.
 */
export function cleanMarkdown(markdown: string): { markdown: string; stats: CleanupStats; warnings: ImportWarning[] } {
  const tree = parser.parse(markdown);
  const edits: { start: number; end: number; text: string }[] = [];
  const stats: CleanupStats = { pinyin: 0, punctuation: 0 };
  const warnings: ImportWarning[] = [];
  visit(tree, "text", (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || markdown.slice(start, end) !== node.value) return;
    let value = node.value;
    if (index === 0 && parent?.type === "paragraph") value = value.replace(/^[\u3000\u00A0 ]+/, "");
    const cleaned = cleanInline(value);
    addStats(stats, cleaned);
    warnings.push(
      ...mojibakeWarnings(cleaned.mojibake, (line) => `body line ${(node.position?.start.line ?? 1) + line - 1}`),
    );
    if (cleaned.text !== node.value) edits.push({ start, end, text: cleaned.text });
  });
  let result = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return { markdown: result, stats, warnings };
}
