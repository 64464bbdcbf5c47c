/** What one check of an article's original found. */
export type Outcome = "unchanged" | "changed" | "removed" | "blocked" | "unreachable";

/** Every outcome, in the order summaries show them. */
export const OUTCOMES: readonly Outcome[] = ["unchanged", "changed", "removed", "blocked", "unreachable"];

/**
 * One line of the ledger (`<archive>/sources/checks.jsonl`): one check of one article's
 * original. The first seven fields are always present; the others only when known.
 */
export interface CheckRecord {
  /** The article's id. */
  id: string;
  /** The address checked: the article's `url`. */
  url: string;
  /** When the check finished, as an ISO time in UTC. */
  checked: string;
  outcome: Outcome;
  /** The status of the last response, or null when none came (timeout, DNS, robots.txt). */
  http_status: number | null;
  /** Where redirects led, or null when no response came. */
  final_url: string | null;
  /** The content hash of the text extracted from the page (contentHash in text.ts), of a PDF's bytes, or null without either. */
  sha256: string | null;
  /** The validators the server sent, for the next check's conditional request. */
  etag?: string;
  last_modified?: string;
  /** Why the outcome is what it is, in a few words, when it is not unchanged. */
  reason?: string;
}
