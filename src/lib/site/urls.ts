import type { Script } from "../article/schema.ts";
import { sitePath } from "./base.ts";

const SEGMENT: Record<Script, string> = { hans: "zh-hans", hant: "zh-hant" };

/** Path of the home page in one script. */
export function homePath(script: Script): string {
  return sitePath(`${SEGMENT[script]}/`);
}

/** Permanent path of an article page in one script: it depends on the id only. */
export function articlePath(script: Script, id: string): string {
  return sitePath(`${SEGMENT[script]}/articles/${id}/`);
}

/** Path of the page comparing an article with the version it supersedes, in one script. */
export function changesPath(script: Script, id: string): string {
  return `${articlePath(script, id)}changes/`;
}

/**
 * Path of the page comparing an article's capture `n` with the one before (capture 0 is the
 * archived text, 1 the first later capture of a changed original), in one script.
 */
export function capturePath(script: Script, id: string, n: number): string {
  return `${articlePath(script, id)}captures/${n}/`;
}

/** Path of a file published with an article: one address for both scripts. */
export function attachmentPath(id: string, name: string): string {
  return sitePath(`files/${id}/${name}`);
}

/** Absolute URL of a path on the published site (a path from `sitePath`, which carries the base already). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl).href;
}
