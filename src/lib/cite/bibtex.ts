import type { CitationItem } from "./item.ts";

/**
 * A BibTeX entry for biblatex and for the two GB/T 7714 packages Chinese LaTeX
 * users have (biblatex-gb7714-2015 and gbt7714): a report is `@newspaper` (type N
 * there), a policy document `@online` (type EB) with its document number in
 * `number` and its document type in `type`. Issuing bodies are written in braces
 * so that BibTeX keeps each as one corporate name instead of parsing it as a person.
 */
export function bibtex(item: CitationItem): string {
  const type = item.kind === "news" && item.container !== undefined ? "newspaper" : "online";
  const authors = item.authors.map((name) => (item.corporate ? `{${escape(name)}}` : escape(name))).join(" and ");
  const fields: [string, string | undefined][] = [
    ["author", authors || undefined],
    ["title", escape(item.title)],
    ["journal", type === "newspaper" && item.container !== undefined ? escape(item.container) : undefined],
    ["number", item.documentNumber === undefined ? undefined : escape(item.documentNumber)],
    ["type", item.documentType === undefined ? undefined : escape(item.documentType)],
    ["date", item.day],
    ["year", item.day.slice(0, 4)],
    ["url", item.url.replace(/[{}]/g, encodeURIComponent)],
    ["urldate", item.accessed],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join("\n");
  return `@${type}{${item.id},\n${body}\n}\n`;
}

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  $: "\\$",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
};

/** Escapes the characters that mean something to (La)TeX, so a title reads as written. */
function escape(text: string): string {
  return text.replace(/[\\{}%&#$_^~]/g, (char) => SPECIAL[char] ?? char);
}
