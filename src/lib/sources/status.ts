import type { CheckRecord, Outcome } from "./types.ts";

/**
 * What the site says about an article's original, from its checks in the ledger. An
 * original is shown as removed only after two `removed` checks at least a day apart with
 * no check between them that found it; `unreachable` and `blocked` say nothing either way.
 */

/** What readers are told about an original. */
export type SourceState = "removed" | "changed" | "unchanged" | "unknown";

/** An article's source status as a page shows it. */
export interface SourceStatus {
  state: SourceState;
  /** The day (China time) of the last check, whatever it found. */
  lastChecked: string;
  /** For a removed original: the day of the first check that found it gone. */
  removedOn?: string;
  /** The outcome of the last check. */
  lastOutcome: Outcome;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day (YYYY-MM-DD) of an ISO time in China time, as the archive gives every day (docs/architecture.md, Dates). */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The status of one article from its checks (in any order); undefined when never checked. */
export function sourceStatus(records: readonly CheckRecord[]): SourceStatus | undefined {
  if (records.length === 0) return undefined;
  const sorted = [...records].sort((a, b) => Date.parse(a.checked) - Date.parse(b.checked));
  const last = sorted.at(-1)!;
  const base = { lastChecked: chinaDay(last.checked), lastOutcome: last.outcome };
  // The removed checks since the original was last seen standing.
  const standing = sorted.findLastIndex((record) => record.outcome === "unchanged" || record.outcome === "changed");
  const removed = sorted.slice(standing + 1).filter((record) => record.outcome === "removed");
  if (removed.length >= 2) {
    const first = Date.parse(removed[0]!.checked);
    if (Date.parse(removed.at(-1)!.checked) - first >= DAY_MS) {
      return { state: "removed", ...base, removedOn: chinaDay(removed[0]!.checked) };
    }
  }
  if (standing >= 0) return { state: sorted[standing]!.outcome as "changed" | "unchanged", ...base };
  return { state: "unknown", ...base };
}

/** The Wayback Machine's address for the capture of a page nearest a day (YYYY-MM-DD). */
export function waybackUrl(url: string, day: string): string {
  return `https://web.archive.org/web/${day.replaceAll("-", "")}/${url}`;
}
