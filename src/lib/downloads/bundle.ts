import { zipSync } from "fflate";

/** The month whose bundle holds an article's Markdown file: `YYYY-MM` of its day. */
export function bundleMonth(day: string): string {
  return day.slice(0, 7);
}

/** One Markdown file in a bundle: the article's id and the file's bytes as stored. */
export interface BundledFile {
  id: string;
  bytes: Uint8Array;
}

/** A zip of Markdown files, each as `<id>.md`, in the order of their ids: the same files make the same bytes. */
export function markdownZip(files: readonly BundledFile[]): Uint8Array {
  const entries = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Every entry gets the same time, so the same files always make the same bytes. The zip
  // format stores local time from 1980 on, which a date made of local parts now gives in any time zone.
  return zipSync(Object.fromEntries(entries.map(({ id, bytes }) => [`${id}.md`, bytes])), {
    level: 6,
    mtime: new Date(1980, 0, 1),
  });
}
