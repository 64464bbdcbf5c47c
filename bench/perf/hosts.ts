import { count } from "./format.ts";

/**
 * Which static hosts a site of this size fits, and the largest archive each would take at
 * the files and bytes per article this build measured (docs/publishing.md, "Hosts and their
 * limits"). The limits are the hosts' published ones; the figures per article are measured.
 */

/** A host's published limit on one published site. */
interface HostLimit {
  host: string;
  files?: number;
  bytes?: number;
}

/** The limits docs/publishing.md cites, with their sources there. */
export const HOST_LIMITS: readonly HostLimit[] = [
  { host: "GitHub Pages", bytes: 1e9 },
  { host: "GitLab Pages (gitlab.com)", bytes: 1e9, files: 200_000 },
  { host: "Cloudflare Pages, Free", files: 20_000 },
  { host: "Cloudflare Pages, paid", files: 100_000 },
];

/** One line per host: the largest archive it takes, by files and bytes per article (whole site, rounded down). */
export function hostLines(articles: number, files: number, bytes: number): string[] {
  const perFile = files / articles;
  const perByte = bytes / articles;
  return HOST_LIMITS.map(({ host, files: maxFiles, bytes: maxBytes }) => {
    const byFiles = maxFiles === undefined ? Infinity : Math.floor(maxFiles / perFile);
    const byBytes = maxBytes === undefined ? Infinity : Math.floor(maxBytes / perByte);
    const largest = Math.min(byFiles, byBytes);
    const bound = byFiles <= byBytes ? "files" : "bytes";
    return `    ${host}: up to about ${count(largest)} articles (bound by ${bound})`;
  });
}
