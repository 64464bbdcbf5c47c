import type { ExportRecord } from "./records.ts";

/** An export record with the article's Markdown body as written. */
export type FullTextRecord = ExportRecord & { body: string };

/** The records as one JSON array, a record per line: loads anywhere, and still reads in a text editor. */
export function toJson(records: readonly ExportRecord[]): string {
  return records.length === 0 ? "[]\n" : `[\n${records.map((record) => JSON.stringify(record)).join(",\n")}\n]\n`;
}

/** The records as JSON Lines: one JSON object per line, LF line ends, for streaming tools (jq, pandas `lines=True`). */
export function toJsonl(records: readonly FullTextRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join("");
}
