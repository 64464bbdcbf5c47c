import type { Capture } from "../lib/sources/captures.ts";
import { readCaptures } from "../lib/sources/captures.ts";
import { readLedger, recordsOf } from "../lib/sources/ledger.ts";
import { sourceStatus, type SourceStatus } from "../lib/sources/status.ts";
import { archiveDir } from "../lib/site/config.ts";

/** What the source checks found, for the pages of one build. */
export interface SourcesData {
  /** An article's source status; undefined when it was never checked. */
  status(id: string): SourceStatus | undefined;
  /** An article's later captures, oldest first. */
  captures(id: string): readonly Capture[];
  /** The articles whose originals are removed, with the day each was found gone, newest removal first. */
  removed(): readonly { id: string; removedOn: string }[];
}

let cached: SourcesData | undefined;

/**
 * The ledger and the captures of the archive, read once per build and shared by every page,
 * feed and export (the dev server reads them on each request).
 */
export function getSources(): SourcesData {
  if (cached && !import.meta.env.DEV) return cached;
  const archive = archiveDir();
  const byId = recordsOf(readLedger(archive).records);
  const { captures } = readCaptures(archive);
  const statuses = new Map<string, SourceStatus>();
  for (const [id, records] of byId) {
    const status = sourceStatus(records);
    if (status) statuses.set(id, status);
  }
  const removed = [...statuses]
    .filter(([, status]) => status.state === "removed")
    .map(([id, status]) => ({ id, removedOn: status.removedOn! }))
    .sort((a, b) => b.removedOn.localeCompare(a.removedOn) || a.id.localeCompare(b.id));
  cached = {
    status: (id) => statuses.get(id),
    captures: (id) => captures.get(id) ?? [],
    removed: () => removed,
  };
  return cached;
}
