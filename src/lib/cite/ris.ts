import type { CitationItem } from "./item.ts";

/**
 * A RIS record (the tagged format of EndNote, Zotero, Mendeley). A report is `NEWS`
 * with its outlet in `T2`; a policy document is `GOVDOC` with its document number in
 * `SN` and its document type in `M3`, which Zotero reads as report number and type.
 * Lines end in CR LF, as the format asks; line breaks inside values become spaces.
 */
export function ris(item: CitationItem): string {
  const [year, month, day] = item.day.split("-");
  const lines: [string, string | undefined][] = [
    ["TY", item.kind === "policy" ? "GOVDOC" : item.container === undefined ? "ELEC" : "NEWS"],
    ...item.authors.map((name): [string, string] => ["AU", name]),
    ["TI", item.title],
    ["T2", item.kind === "news" ? item.container : undefined],
    ["SE", item.section],
    ["SN", item.documentNumber],
    ["M3", item.documentType],
    ["PY", year],
    ["DA", `${year}/${month}/${day}/`],
    ["UR", item.url],
    ["Y2", item.accessed?.replaceAll("-", "/")],
    ["LA", item.language],
    ...item.topics.map((topic): [string, string] => ["KW", topic]),
  ];
  return [...lines, ["ER", ""]]
    .filter((line): line is [string, string] => line[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, " ")}\r\n`)
    .join("");
}
