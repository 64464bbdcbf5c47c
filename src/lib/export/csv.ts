import { stringify } from "csv-stringify/sync";
import { EXPORT_FIELDS, type ExportRecord } from "./records.ts";

/** How list fields (authors, persons...) are joined in one CSV cell: the Chinese enumeration comma. */
const LIST_SEPARATOR = "、";

/**
 * The records as CSV for spreadsheets: a header row, RFC 4180 quoting, CR LF line
 * ends, and UTF-8 with a byte order mark, without which Excel reads Chinese text
 * as mojibake. Any cell holding a line break is quoted (csv-stringify quotes only
 * CR LF by default). A cell starting with =, +, - or @ gets a leading apostrophe,
 * so a spreadsheet shows it as text instead of running it as a formula; the JSON
 * and JSONL exports keep every value exactly.
 */
export function toCsv(records: readonly ExportRecord[]): string {
  return stringify(
    records.map((record) => EXPORT_FIELDS.map((field) => cell(record[field]))),
    { bom: true, header: true, columns: [...EXPORT_FIELDS], record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

function cell(value: ExportRecord[keyof ExportRecord]): string {
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value === null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
