import type { ArticleMeta } from "../article/schema.ts";
import { foundKinds } from "../entities/found.ts";
import { absoluteUrl, articlePath } from "../site/urls.ts";
import { sourceBundlePath, sourcePath } from "../browse/urls.ts";
import { bundleMonth } from "../downloads/bundle.ts";
import type { SourceState, SourceStatus } from "../sources/status.ts";

/**
 * One article as a flat record for the data exports. Every record has every field,
 * in this order, so the JSON loads straight into a table (pandas, R) and the CSV
 * columns line up: text fields absent from an article are null, lists are empty.
 * Values are as written in the article's original script.
 */
export interface ExportRecord {
  id: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  source: string | null;
  publisher: string | null;
  section: string | null;
  authors: string[];
  editor: string | null;
  /** ISO 8601 with offset; midnight China time when only a day is known. */
  date: string;
  /** The publication day, YYYY-MM-DD. */
  day: string;
  /** Whether `date` carries a real time of day. */
  has_time: boolean;
  script: "hans" | "hant";
  topics: string[];
  persons: string[];
  places: string[];
  organizations: string[];
  /** Which of persons, places and organizations the build found in the text (the front matter lists none). */
  found: string[];
  document_number: string | null;
  issuers: string[];
  document_type: string | null;
  status: "in_force" | "amended" | "repealed" | null;
  effective: string | null;
  /** The id of the earlier version this one amends or replaces. */
  supersedes: string | null;
  /** The original web address the copy was taken from. */
  url: string | null;
  captured: string | null;
  license: string | null;
  /** The article's page in Simplified and in Traditional script. */
  page_hans: string;
  page_hant: string;
  /** The Markdown file as stored in the archive, when the site writes each article's own files (`download_files`). */
  markdown: string | null;
  /** The zip of the Markdown files of the article's month, which holds this one as `<id>.md`. */
  markdown_zip: string;
  /** The content hash of the archived text (SHA-256, src/lib/sources/text.ts), as provenance. */
  content_sha256: string | null;
  /** What the last checks of the original found (docs/sources.md); null when it was never checked. */
  source_status: SourceState | null;
  /** The day of the last check of the original. */
  source_checked: string | null;
  /** The day the original was first found removed, for a removed original. */
  source_removed: string | null;
}

/** What the archive knows of an article's provenance besides its front matter. */
export interface Provenance {
  contentHash?: string;
  source?: SourceStatus | undefined;
}

/** The export fields in column order. */
export const EXPORT_FIELDS = [
  "id",
  "title",
  "kicker",
  "subtitle",
  "source",
  "publisher",
  "section",
  "authors",
  "editor",
  "date",
  "day",
  "has_time",
  "script",
  "topics",
  "persons",
  "places",
  "organizations",
  "found",
  "document_number",
  "issuers",
  "document_type",
  "status",
  "effective",
  "supersedes",
  "url",
  "captured",
  "license",
  "page_hans",
  "page_hant",
  "markdown",
  "markdown_zip",
  "content_sha256",
  "source_status",
  "source_checked",
  "source_removed",
] as const satisfies readonly (keyof ExportRecord)[];

/** An article's export record; links are absolute on `siteUrl`; `articleFiles` is the site's `download_files`. */
export function exportRecord(
  meta: ArticleMeta,
  siteUrl: string,
  provenance: Provenance = {},
  articleFiles = false,
): ExportRecord {
  return {
    id: meta.id,
    title: meta.title,
    kicker: meta.kicker ?? null,
    subtitle: meta.subtitle ?? null,
    source: meta.source ?? null,
    publisher: meta.publisher ?? null,
    section: meta.section ?? null,
    authors: meta.authors ?? [],
    editor: meta.editor ?? null,
    date: meta.date.iso,
    day: meta.date.day,
    has_time: meta.date.hasTime,
    script: meta.script,
    topics: meta.topics ?? [],
    persons: meta.persons ?? [],
    places: meta.places ?? [],
    organizations: meta.organizations ?? [],
    found: [...foundKinds(meta)],
    document_number: meta.document_number ?? null,
    issuers: meta.issuers ?? [],
    document_type: meta.document_type ?? null,
    status: meta.status ?? null,
    effective: meta.effective ?? null,
    supersedes: meta.supersedes ?? null,
    url: meta.url ?? null,
    captured: meta.captured ?? null,
    license: meta.license ?? null,
    page_hans: absoluteUrl(siteUrl, articlePath("hans", meta.id)),
    page_hant: absoluteUrl(siteUrl, articlePath("hant", meta.id)),
    markdown: articleFiles ? absoluteUrl(siteUrl, sourcePath(meta.id)) : null,
    markdown_zip: absoluteUrl(siteUrl, sourceBundlePath(bundleMonth(meta.date.day))),
    content_sha256: provenance.contentHash ?? null,
    source_status: provenance.source?.state ?? null,
    source_checked: provenance.source?.lastChecked ?? null,
    source_removed: provenance.source?.removedOn ?? null,
  };
}
