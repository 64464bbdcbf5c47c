import type { CitationItem } from "./item.ts";

type Line = [tag: string, value: string | undefined];

/**
 * A RIS record (the tagged format of EndNote, Zotero, Mendeley), its tags chosen so
 * that Zotero, EndNote and citation-js (which reads RIS as the 2011 specification
 * has it) all keep the type, every author, the full date, the outlet and the number:
 *
 * - a newspaper report is `NEWS`, written with the older tag set (`Y1` for the full
 *   date, `JF` beside `T2` for the newspaper): under the 2011 tags a `NEWS` record's
 *   `AU` is its reporter and its date the year of `PY` alone, so any 2011-only tag
 *   (`DA`, `PY`, `SE`, `LA`) would make citation-js drop the author and the day;
 * - an item of a broadcast programme is `MPCT` (EndNote's "Film or Broadcast", and
 *   what Zotero writes for a TV broadcast), the programme in `T2`, the broadcaster
 *   in `PB`;
 * - a policy document is `RPRT`, issuing bodies as authors and in `PB`, the
 *   document number in `SN` and its type in `M3`, which every reader takes as
 *   report number, type and institution. `GOVDOC` would be the closer name, but
 *   citation-js keeps only the year of its date, and Zotero imports it as a report;
 * - a report with no known outlet is `ELEC`, a web page.
 *
 * Names are written whole, as given: a reader splits a RIS name only at a comma.
 * Lines end in CR LF, as the format asks; line breaks inside values become spaces.
 */
export function ris(item: CitationItem): string {
  const [year, month, day] = item.day.split("-");
  const date = `${year}/${month}/${day}/`;
  const accessed: Line = ["Y2", item.accessed?.replaceAll("-", "/")];
  const authors = item.authors.map((name): Line => ["AU", name]);
  const keywords = item.topics.map((topic): Line => ["KW", topic]);
  let lines: Line[];
  if (item.kind === "news" && item.medium === "newspaper") {
    lines = [
      ["TY", "NEWS"],
      ...authors,
      ["TI", item.title],
      ["T2", item.container],
      ["JF", item.container],
      ["Y1", date],
      ["UR", item.url],
      accessed,
      ...keywords,
    ];
  } else {
    const type = item.kind === "policy" ? "RPRT" : item.medium === "broadcast" ? "MPCT" : "ELEC";
    lines = [
      ["TY", type],
      ...authors,
      ["TI", item.title],
      ["T2", type === "MPCT" ? item.container : undefined],
      ["PB", type === "RPRT" ? issuers(item) : item.publisher],
      ["SE", item.section],
      ["SN", item.documentNumber],
      ["M3", item.documentType],
      ["PY", year],
      ["DA", date],
      ["UR", item.url],
      accessed,
      ["LA", item.language],
      ...keywords,
    ];
  }
  return [...lines, ["ER", ""]]
    .filter((line): line is [string, string] => line[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, " ")}\r\n`)
    .join("");
}

/** The issuing bodies as one publisher (institution) name. */
function issuers(item: CitationItem): string | undefined {
  return item.corporate ? item.authors.join("、") : undefined;
}
