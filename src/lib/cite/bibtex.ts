import type { CitationItem } from "./item.ts";

/**
 * A biblatex entry that BibTeX, biblatex (with biblatex-gb7714-2015) and reference
 * managers read as the right kind of work:
 *
 * - a newspaper report is `@article` with `entrysubtype = {newspaper}`, biblatex's
 *   way of marking a newspaper article (biblatex-gb7714-2015 prints it as [N]), the
 *   newspaper in `journal`, which BibTeX reads and biblatex takes as `journaltitle`;
 * - an item of a broadcast programme is `@online`, the programme in `maintitle` and
 *   the broadcaster in `organization`;
 * - a policy document is `@report`, issuing bodies as authors and as `institution`,
 *   its document number in `number` and its document type in `type`;
 * - a report with no known outlet is `@online`.
 *
 * Chinese names and issuing bodies are written in braces, so that no reader splits
 * them into given and family names or parses an organisation as a person; so are
 * Latin words with capitals in titles, which readers would otherwise lowercase.
 */
export function bibtex(item: CitationItem): string {
  const type = item.kind === "policy" ? "report" : item.medium === "newspaper" ? "article" : "online";
  const newspaper = type === "article";
  const fields: [string, string | undefined][] = [
    ["author", item.authors.map((name) => bibName(name, item.corporate)).join(" and ") || undefined],
    ["title", protect(item.title)],
    ["journal", newspaper ? optional(item.container) : undefined],
    ["entrysubtype", newspaper ? "newspaper" : undefined],
    ["maintitle", item.medium === "broadcast" ? optional(item.container) : undefined],
    ["organization", optional(item.publisher)],
    [
      "institution",
      type === "report" && item.corporate ? item.authors.map((name) => `{${escape(name)}}`).join(" and ") : undefined,
    ],
    ["type", optional(item.documentType)],
    ["number", optional(item.documentNumber)],
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

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** One name: braced when it is an organisation or written in Chinese characters, so it stays whole. */
function bibName(name: string, corporate: boolean): string {
  return corporate || CJK.test(name) ? `{${escape(name)}}` : escape(name);
}

function optional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : protect(text);
}

/**
 * Escaped text with every Latin word holding a capital (C919, AG600M, APEC) in braces:
 * BibTeX styles and reference managers lowercase titles to sentence case otherwise.
 */
function protect(text: string): string {
  return escape(text).replace(/[A-Za-z0-9]*[A-Z][A-Za-z0-9]*/g, (word) => `{${word}}`);
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
