import { Document, isScalar, Scalar, visit } from "yaml";
import { FIELD_NAMES } from "./fields.ts";
import type { ArticleMeta } from "./schema.ts";

/**
 * Writes articles back to Markdown files. Fields come in the order of FIELDS in
 * fields.ts, so every file reads the same way and diffs stay small; lists of names
 * are written on one line ([李全宏, 林武]); values are quoted only where YAML needs
 * it, so that every value reads back as the same text (a title such as 2020 is
 * quoted, or it would come back as a number). Text that an older YAML 1.1 reader
 * (js-yaml, which Astro uses) would turn into a boolean or a date is quoted too;
 * the date field itself is written bare, as the archive's articles write it.
 */

/** Plain text that YAML 1.1 readers take for a boolean, a null or a timestamp. */
const YAML11_TRAP = /^(?:y|yes|n|no|on|off|true|false|null|~)$|^\d{4}-\d{1,2}-\d{1,2}(?:$|[Tt ])/i;

/** The front matter of an article as plain values in field order, the date back in its written form. */
export function frontMatterData(meta: ArticleMeta): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) {
    const value = meta[field];
    if (value === undefined) continue;
    data[field] = field === "date" ? dateText(meta.date) : value;
  }
  return data;
}

/** A date as front matter writes it: the day alone when no time was known, else the full ISO form with its offset. */
function dateText(date: ArticleMeta["date"]): string {
  return date.hasTime ? date.iso : date.day;
}

/** Writes the YAML front matter (without the --- fences), ending with a newline. */
export function serializeFrontMatter(meta: ArticleMeta): string {
  const doc = new Document(frontMatterData(meta));
  const guard = (node: unknown) => {
    if (isScalar(node) && typeof node.value === "string" && YAML11_TRAP.test(node.value))
      node.type = Scalar.QUOTE_DOUBLE;
  };
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
      seq.items.forEach(guard);
    },
    Pair(_, pair) {
      if (!(isScalar(pair.key) && pair.key.value === "date")) guard(pair.value);
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

/**
 * Writes a whole article file: front matter between --- lines, a blank line, and
 * the Markdown body ending with exactly one newline.
 */
export function serializeArticle(meta: ArticleMeta, body: string): string {
  const text = body
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
  return `---\n${serializeFrontMatter(meta)}---\n\n${text}\n`;
}
