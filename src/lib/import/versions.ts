import { foldText } from "./duplicates.ts";

/**
 * Linking the versions of a policy document at import: the documents of one title
 * (compared with script, spacing and punctuation ignored), found in the run or
 * already in the archive, ordered by date, each superseding the one before.
 */

/** A version of a document, new in this run or in the archive. */
export interface VersionCandidate {
  id: string;
  title: string;
  /** The version's date as ISO text, for ordering. */
  date: string;
  supersedes?: string | undefined;
  /** Imported in this run (as opposed to already in the archive). */
  isNew: boolean;
}

/** A `supersedes` to set (or, when undefined, to remove) on one version. */
export interface VersionLink {
  id: string;
  supersedes: string | undefined;
  isNew: boolean;
}

/**
 * The `supersedes` links that chain each title's versions by date, for every title
 * with a version new in this run. A version of the archive keeps a link that leads
 * outside its title (a document renamed by its amendment, linked by hand); only
 * links that differ from what the versions have now are returned.
 */
export function planVersionLinks(candidates: readonly VersionCandidate[]): VersionLink[] {
  const byTitle = new Map<string, VersionCandidate[]>();
  for (const candidate of candidates) {
    const key = foldText(candidate.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), candidate]);
  }
  const links: VersionLink[] = [];
  for (const versions of byTitle.values()) {
    if (versions.length < 2 || !versions.some((version) => version.isNew)) continue;
    const ids = new Set(versions.map((version) => version.id));
    const ordered = [...versions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    ordered.forEach((version, i) => {
      const previous = ordered[i - 1]?.id;
      const linkedElsewhere = version.supersedes !== undefined && !ids.has(version.supersedes);
      if (linkedElsewhere && (!version.isNew || previous === undefined)) return;
      if (version.supersedes === previous) return;
      links.push({ id: version.id, supersedes: previous, isNew: version.isNew });
    });
  }
  return links;
}

/**
 * Sets (or removes) the `supersedes` line in an article file's front matter, leaving
 * every other line as written.
 */
export function setSupersedes(text: string, supersedes: string | undefined): string {
  const end = text.indexOf("\n---", 4);
  if (!text.startsWith("---\n") || end < 0) return text;
  const lines = text.slice(4, end).split("\n");
  const at = lines.findIndex((line) => /^supersedes\s*:/.test(line));
  if (at >= 0) {
    if (supersedes === undefined) lines.splice(at, 1);
    else lines[at] = `supersedes: ${supersedes}`;
  } else if (supersedes !== undefined) lines.push(`supersedes: ${supersedes}`);
  return `---\n${lines.join("\n")}${text.slice(end)}`;
}
