import type { ArticleMeta } from "../article/schema.ts";
import type { Converter } from "./converter.ts";

/** Front matter fields holding text for readers, converted with the body. */
export const CONVERTED_TEXT_FIELDS = [
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
] as const satisfies readonly (keyof ArticleMeta)[];

/** Front matter fields holding lists of names, each converted. */
export const CONVERTED_LIST_FIELDS = [
  "authors",
  "topics",
  "persons",
  "places",
  "organizations",
  "issuers",
] as const satisfies readonly (keyof ArticleMeta)[];

/**
 * Returns a copy of an article's front matter with its reader-facing text converted.
 * Ids, dates, URLs, the script and the conversion rules themselves are left alone.
 */
export function convertMetaFields(meta: ArticleMeta, converter: Converter): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  const record = out as Record<string, unknown>;
  for (const field of CONVERTED_TEXT_FIELDS) {
    const value = meta[field];
    if (value !== undefined) record[field] = converter.convert(value);
  }
  for (const field of CONVERTED_LIST_FIELDS) {
    const value = meta[field];
    if (value !== undefined) record[field] = value.map((item) => converter.convert(item));
  }
  return out;
}
