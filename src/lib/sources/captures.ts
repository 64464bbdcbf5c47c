import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { splitFrontMatter } from "../article/frontmatter.ts";
import { writeAtomic } from "../fs/atomic-write.ts";
import { SOURCES_DIR } from "./ledger.ts";

/**
 * Later captures of an article whose original changed: `<archive>/sources/captures/<id>/
 * <day>-<hash>.md`, a Markdown file with a short front matter (the article, the address,
 * when it was captured and the content hash) and the text as the import's cleanup left it.
 * They are kept apart from `articles/`, where every Markdown file is an article of its
 * own; the article's first capture is the article itself.
 */

/** One later capture of an article. */
export interface Capture {
  article: string;
  url: string;
  final_url: string;
  /** When it was captured (ISO time, UTC). */
  captured: string;
  /** Its content hash (contentHash in text.ts). */
  sha256: string;
  /** Its Markdown body. */
  body: string;
  /** Its path inside the archive, with forward slashes. */
  file: string;
}

const headSchema = z.strictObject({
  article: z.string().min(1),
  url: z.string().min(1),
  final_url: z.string().min(1),
  captured: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The folder of an archive's captures. */
export function capturesDir(archiveDir: string): string {
  return path.join(archiveDir, SOURCES_DIR, "captures");
}

/** Writes a new capture, whole or not at all; an identical one already there is kept. */
export async function writeCapture(archiveDir: string, capture: Omit<Capture, "file">): Promise<string> {
  const name = `${capture.captured.slice(0, 10)}-${capture.sha256.slice(0, 12)}.md`;
  const dir = path.join(capturesDir(archiveDir), capture.article);
  mkdirSync(dir, { recursive: true });
  const { body, ...head } = capture;
  const text = `---\n${stringify(head, { lineWidth: 0 })}---\n\n${body.trimEnd()}\n`;
  const file = path.join(dir, name);
  try {
    await writeAtomic(file, text, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return path.relative(archiveDir, file).split(path.sep).join("/");
}

/** A capture file that cannot be read, and why. */
export interface CaptureProblem {
  file: string;
  message: string;
}

/** Every capture of an archive by article id, oldest first, with the files that cannot be read. */
export function readCaptures(archiveDir: string): { captures: Map<string, Capture[]>; problems: CaptureProblem[] } {
  const root = capturesDir(archiveDir);
  const captures = new Map<string, Capture[]>();
  const problems: CaptureProblem[] = [];
  let folders: string[];
  try {
    folders = readdirSync(root).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { captures, problems };
    throw error;
  }
  for (const folder of folders) {
    const names = readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith(".md") && !name.startsWith("."))
      .sort();
    for (const name of names) {
      const absolute = path.join(root, folder, name);
      const file = path.relative(archiveDir, absolute).split(path.sep).join("/");
      try {
        const split = splitFrontMatter(readFileSync(absolute, "utf8"));
        const head = headSchema.parse(split.data);
        if (head.article !== folder) throw new Error(`article is ${head.article}, but the file is in ${folder}/`);
        const list = captures.get(folder) ?? [];
        list.push({ ...head, body: split.body.replace(/^\n/, ""), file });
        captures.set(folder, list);
      } catch (error) {
        problems.push({ file, message: (error as Error).message.replaceAll("\n", " ") });
      }
    }
  }
  for (const list of captures.values()) list.sort((a, b) => a.captured.localeCompare(b.captured));
  return { captures, problems };
}
