import { cleanLine } from "../cleanup/text.ts";
import { addStats, ImportError, type CleanupStats, type Draft, type ImportWarning } from "./draft.ts";
import { htmlFragmentToMarkdown, looksLikeHtml } from "./html.ts";
import { cleanMarkdown } from "./markdown.ts";
import { mojibakeWarnings } from "./warnings.ts";

/**
 * JSONL for migrating an archive in bulk: one article per line, a JSON object with
 * the field names of the article model and a `body`. Values are written as in front
 * matter (dates as text, lists as arrays). The body is Markdown, or HTML (a body
 * starting with an HTML tag), which is converted to Markdown. Text fields and the
 * body get the same cleanup as copied text; ids, dates and addresses are kept as given.
 */

/** Front matter fields holding prose or names, which the text cleanup applies to. */
const TEXT_FIELDS = new Set([
  "title",
  "kicker",
  "subtitle",
  "source",
  "publisher",
  "section",
  "editor",
  "document_number",
  "document_type",
  "license",
]);
const LIST_FIELDS = new Set(["authors", "topics", "persons", "places", "issuers"]);

/** One non-empty line of a JSONL file. */
export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

/** Splits a JSONL file into its non-empty lines, keeping line numbers. */
export function jsonlLines(source: string): JsonlLine[] {
  return source
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text }))
    .filter(({ text }) => text.trim() !== "");
}

/**
 * Reads one JSONL line into a draft. Throws ImportError (with the line) for invalid
 * JSON, a value that is not an object, or a missing body; field values themselves
 * are checked later, with the schema.
 */
export function readJsonlLine({ line, text }: JsonlLine): Draft {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`invalid JSON: ${(error as Error).message}`, line);
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new ImportError(
      'expected a JSON object with the article\'s fields and a body, such as {"title": …, "date": …, "body": …}',
      line,
    );
  }
  const { body = "", ...rest } = record as Record<string, unknown>;
  // A missing or empty body is a title-only item (a video report), which the import refuses or keeps with a note.
  if (typeof body !== "string" && body !== null)
    throw new ImportError('"body" must be the article\'s text, as Markdown or HTML', line);

  const stats: CleanupStats = { pinyin: 0, punctuation: 0 };
  const warnings: ImportWarning[] = [];
  const fields: Record<string, unknown> = {};
  const clean = (value: string, field: string) => {
    const cleaned = cleanLine(value);
    addStats(stats, cleaned);
    warnings.push(...mojibakeWarnings(cleaned.mojibake, () => field).map((warning) => ({ ...warning, line })));
    return cleaned.text;
  };
  for (const [field, value] of Object.entries(rest)) {
    if (value === null || value === undefined) continue;
    if (TEXT_FIELDS.has(field) && typeof value === "string") fields[field] = clean(value, field);
    else if (LIST_FIELDS.has(field) && Array.isArray(value))
      fields[field] = value.map((item) => (typeof item === "string" ? clean(item, field) : item));
    else fields[field] = value;
  }

  const place = (bodyLine: number) => `body line ${bodyLine}`;
  const bodyText = body ?? "";
  const converted = looksLikeHtml(bodyText) ? htmlFragmentToMarkdown(bodyText, place) : cleanMarkdown(bodyText);
  addStats(stats, converted.stats);
  warnings.push(...converted.warnings.map((warning) => ({ ...warning, line })));
  if ("editor" in converted && converted.editor !== undefined) fields.editor ??= converted.editor;
  return { fields, body: "markdown" in converted ? converted.markdown : "", warnings, stats };
}
