import type { ArticleMeta, Script } from "../article/schema.ts";
import type { ClauseLocator } from "./clause.ts";

/**
 * What every citation format needs to know about an article. News reports and
 * policy documents are cited differently: a document's responsible party is its
 * issuing body (發文機關) and it carries a document number (發文字號).
 */
export interface CitationItem {
  id: string;
  kind: "news" | "policy";
  title: string;
  /** People for a report; the issuing bodies for a policy document. */
  authors: readonly string[];
  /** Whether the authors are organisations (issuing bodies) rather than people. */
  corporate: boolean;
  /** The newspaper or outlet a report appeared in; for a broadcast, the programme. */
  container?: string;
  /** What kind of outlet a report with a container appeared in. */
  medium?: "newspaper" | "broadcast";
  /** The broadcaster or website that published a broadcast programme. */
  publisher?: string;
  section?: string;
  /** Publication day, YYYY-MM-DD. */
  day: string;
  documentNumber?: string;
  documentType?: string;
  /** The permanent link cited as the place to find the text. */
  url: string;
  /** BCP 47 tag of the script the citation's text is in. */
  language: "zh-Hans" | "zh-Hant";
  /**
   * The day the reader consulted the text, YYYY-MM-DD, when known; or a placeholder
   * for the reader to fill (the page's citation block has no fixed day to give).
   */
  accessed?: string;
  /** The place in the document cited (a clause), when not the whole text; `url` then leads to it. */
  clause?: ClauseLocator;
  topics: readonly string[];
}

/** Whether an article is a policy document: it has a document number, issuing bodies or a document type. */
export function isPolicyDocument(meta: ArticleMeta): boolean {
  return meta.document_number !== undefined || (meta.issuers?.length ?? 0) > 0 || meta.document_type !== undefined;
}

/**
 * Words naming a broadcaster or a programme: 新闻联播 and its broadcaster 央视网 are a
 * television programme, not a newspaper.
 */
const BROADCAST =
  /联播|聯播|電視|电视|广播|廣播|央视|央視|卫视|衛視|频道|頻道|电台|電台|之声|之聲|\b(?:CCTV|CGTN|CNR|CRI|TVB)\b/i;

/** Whether a report's outlet is a broadcast programme, judged from its source and publisher. */
export function isBroadcast(meta: ArticleMeta): boolean {
  return [meta.source, meta.publisher].some((name) => name !== undefined && BROADCAST.test(name));
}

/**
 * The citation facts of an article. `meta` is the front matter in the script the
 * citation is written in (converted or not); `script` says which script that is.
 */
export function citationItem(
  meta: ArticleMeta,
  { url, script, accessed }: { url: string; script: Script; accessed?: string },
): CitationItem {
  const policy = isPolicyDocument(meta);
  const issuers = meta.issuers ?? [];
  const corporate = policy && issuers.length > 0;
  const container = meta.source ?? meta.publisher;
  const broadcast = !policy && container !== undefined && isBroadcast(meta);
  return {
    id: meta.id,
    kind: policy ? "policy" : "news",
    title: meta.title,
    authors: corporate ? issuers : (meta.authors ?? []),
    corporate,
    ...(container === undefined ? {} : { container }),
    ...(policy || container === undefined ? {} : { medium: broadcast ? "broadcast" : "newspaper" }),
    ...(broadcast && meta.publisher !== undefined && meta.publisher !== container ? { publisher: meta.publisher } : {}),
    ...(meta.section === undefined ? {} : { section: meta.section }),
    day: meta.date.day,
    ...(meta.document_number === undefined ? {} : { documentNumber: meta.document_number }),
    ...(meta.document_type === undefined ? {} : { documentType: meta.document_type }),
    url,
    language: script === "hans" ? "zh-Hans" : "zh-Hant",
    ...(accessed === undefined ? {} : { accessed }),
    topics: meta.topics ?? [],
  };
}
