import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { attachmentProblem, relativeFile } from "../article/attachments.ts";
import type { ImportWarning } from "./draft.ts";

/**
 * The files a saved web page links to on disk: the images and attachments a browser
 * saves beside the page ("Save page as…, complete" puts them in page_files/). Each one
 * goes into the article's own folder under a safe name, and the link is rewritten to
 * that name; a file the archive refuses to publish (a script, a page, SVG with script)
 * is left out, with a warning.
 */

/** A file to write into the article's folder. */
export interface LocalFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What a link on the page stands for: the name of its file in the article's folder,
 * undefined when it is no file beside the page (it is then resolved against the page's
 * address), or null when the file is refused (the link is then dropped).
 */
export type LocalFileResolver = (url: string) => string | null | undefined;

/** Finds the files a page at `pageFile` links to relatively, collecting them and their warnings. */
export function localFiles(pageFile: string): {
  resolve: LocalFileResolver;
  files: LocalFile[];
  warnings: ImportWarning[];
} {
  const folder = path.dirname(path.resolve(pageFile));
  const files: LocalFile[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Map<string, string | null>();
  const resolve: LocalFileResolver = (url) => {
    const relative = relativeFile(url);
    if (relative === undefined) return undefined;
    const source = path.resolve(folder, relative);
    // Only files in the page's folder or below: a link must not reach elsewhere on the disk.
    if (!source.startsWith(`${folder}${path.sep}`)) return undefined;
    const known = seen.get(source);
    if (known !== undefined) return known;
    if (!statSync(source, { throwIfNoEntry: false })?.isFile()) return undefined;
    const bytes = readFileSync(source);
    const name = uniqueName(
      safeName(path.basename(source)),
      files.map((file) => file.name),
    );
    const problem = attachmentProblem(name, bytes);
    if (problem) {
      warnings.push({ message: `left out «${relative}», a file the page links to: ${problem}` });
      seen.set(source, null);
      return null;
    }
    files.push({ name, bytes });
    seen.set(source, name);
    return name;
  };
  return { resolve, files, warnings };
}

/** A file name made of letters, digits, . _ and - (as attachments need), keeping its extension: 附件1.pdf becomes file-1.pdf. */
export function safeName(name: string): string {
  const extension = /\.[A-Za-z0-9]+$/.exec(name)?.[0]?.toLowerCase() ?? "";
  const stem = name
    .slice(0, name.length - extension.length)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+|[-.]+$/g, "");
  return `${/[A-Za-z]/.test(stem) ? stem : `file-${stem}`.replace(/-$/, "")}${extension}`;
}

function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  const extension = /\.[^.]+$/.exec(name)?.[0] ?? "";
  const stem = name.slice(0, name.length - extension.length);
  for (let i = 2; ; i++) if (!taken.includes(`${stem}-${i}${extension}`)) return `${stem}-${i}${extension}`;
}
