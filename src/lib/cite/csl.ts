import type { CitationItem } from "./item.ts";

/** One item of CSL-JSON, the data format of citeproc, Zotero and Pandoc (the fields this archive fills). */
export interface CslItem {
  id: string;
  type: "article-newspaper" | "broadcast" | "legislation" | "webpage";
  title: string;
  author?: { literal: string }[];
  /** The newspaper, or the programme of a broadcast. */
  "container-title"?: string;
  /** The broadcaster or website of a broadcast programme. */
  publisher?: string;
  section?: string;
  /** The issuing bodies of a policy document (CSL's variable for an issuing authority). */
  authority?: string;
  /** The document number. */
  number?: string;
  /** The document type. */
  genre?: string;
  issued: { "date-parts": [[number, number, number]] };
  accessed?: { "date-parts": [[number, number, number]] };
  URL: string;
  language: string;
  keyword?: string;
}

/**
 * An article as CSL-JSON. Names are given as `literal`: splitting a Chinese name into
 * family and given names by machine goes wrong for compound surnames (欧阳, 司马).
 * A report is `article-newspaper` with its newspaper as container, or `broadcast`
 * with its programme as container and its broadcaster as publisher. A policy
 * document is `legislation` with its issuing bodies in `authority`, its number in
 * `number` and its type in `genre`.
 */
export function cslItem(item: CitationItem): CslItem {
  const type = cslType(item);
  return {
    id: item.id,
    type,
    title: item.title,
    ...(item.authors.length > 0 ? { author: item.authors.map((literal) => ({ literal })) } : {}),
    ...(type !== "legislation" && item.container !== undefined ? { "container-title": item.container } : {}),
    ...(item.publisher === undefined ? {} : { publisher: item.publisher }),
    ...(item.section === undefined ? {} : { section: item.section }),
    ...(item.corporate ? { authority: item.authors.join("、") } : {}),
    ...(item.documentNumber === undefined ? {} : { number: item.documentNumber }),
    ...(item.documentType === undefined ? {} : { genre: item.documentType }),
    issued: dateParts(item.day),
    ...(item.accessed === undefined ? {} : { accessed: dateParts(item.accessed) }),
    URL: item.url,
    language: item.language,
    ...(item.topics.length > 0 ? { keyword: item.topics.join(", ") } : {}),
  };
}

/** A CSL-JSON file: an array of items, as reference managers import it. */
export function cslJson(items: readonly CitationItem[]): string {
  return `${JSON.stringify(items.map(cslItem), null, 2)}\n`;
}

function cslType(item: CitationItem): CslItem["type"] {
  if (item.kind === "policy") return "legislation";
  if (item.medium === "broadcast") return "broadcast";
  return item.medium === "newspaper" ? "article-newspaper" : "webpage";
}

function dateParts(day: string): { "date-parts": [[number, number, number]] } {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return { "date-parts": [[year, month, date]] };
}
