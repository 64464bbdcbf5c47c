import type { CitationItem } from "./item.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A bibliography entry in the style of The Chicago Manual of Style (17th edition,
 * notes and bibliography):
 *
 * - newspaper report: `Author. “Title.” Newspaper, Month D, YYYY. URL.`; for an
 *   unsigned report the newspaper stands in the author's place, as Chicago advises;
 * - item of a broadcast programme: `Author. “Title.” Programme. Broadcaster, Month D,
 *   YYYY. URL.`, starting with the title when unsigned;
 * - policy document: `Issuing body. “Title.” Document number, Month D, YYYY. URL.`
 *
 * No access date: Chicago asks for one only when a source has no date of its own.
 * A citation of one clause gives it after the date, where a note gives the cited
 * place, and links to the clause: `…, September 1, 2023, art. 12. https://…/#art-12.`
 *
 * Names, titles and outlets stay in Chinese characters, which Chicago never sets in
 * italics. Chinese names keep their order (surname first, no comma). Chicago would
 * add pinyin and an English translation of the title; those are left to the author,
 * since machine romanisation breaks its word-division rules.
 */
export function chicago(item: CitationItem): string {
  const date = `${englishDate(item.day)}${item.clause === undefined ? "" : `, ${item.clause.english}`}`;
  const title = `“${quotedTitle(item.title)}”`;
  const head = item.authors.length > 0 ? `${names(item.authors)}. ` : "";
  let body: string;
  if (item.kind === "policy") {
    body = `${title} ${item.documentNumber === undefined ? date : `${item.documentNumber}, ${date}`}.`;
  } else if (item.medium === "broadcast" && item.container !== undefined) {
    body = `${title} ${item.container}. ${item.publisher === undefined ? date : `${item.publisher}, ${date}`}.`;
  } else if (item.authors.length > 0) {
    body = `${title} ${item.container === undefined ? date : `${item.container}, ${date}`}.`;
  } else {
    body = `${item.container === undefined ? "" : `${item.container}. `}${title} ${date}.`;
  }
  return `${head}${body} ${item.url}.`;
}

/** Month D, YYYY. */
function englishDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${date}, ${year}`;
}

/**
 * The title inside double quotes: inner double quotes become single ones, and the
 * closing period goes inside unless the title ends in a question or exclamation mark.
 */
function quotedTitle(title: string): string {
  const inner = title.replace(/“/g, "‘").replace(/”/g, "’");
  return /[?!？！]$/.test(inner) ? inner : `${inner}.`;
}

/** One name; two joined by "and"; more with commas and ", and"; past ten, the first seven and "et al.". */
function names(list: readonly string[]): string {
  if (list.length > 10) return `${list.slice(0, 7).join(", ")}, et al`;
  if (list.length <= 2) return list.join(" and ");
  return `${list.slice(0, -1).join(", ")}, and ${list.at(-1)}`;
}
