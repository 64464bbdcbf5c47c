import type { LocalFile } from "./local-files.ts";

/**
 * What a format reader hands on: the fields it found, the Markdown body and what
 * the maintainer should know. The import then adds the id and the script, checks
 * the fields with the article schema and writes the file.
 */

/** Something the maintainer should look at; the article is still written. */
export interface ImportWarning {
  /** 1-based line in the input file, where known. */
  line?: number;
  /** A finer place inside that line or article, such as "body line 3". */
  where?: string;
  message: string;
}

/** How much the text cleanup changed, for the report. */
export interface CleanupStats {
  /** Pinyin annotations removed. */
  pinyin: number;
  /** Punctuation marks made full width. */
  punctuation: number;
}

/** One article as read from an input, before it is checked. */
export interface Draft {
  /** Front matter fields by name, as text (lists as arrays of text). */
  fields: Record<string, unknown>;
  /** Markdown body. */
  body: string;
  warnings: ImportWarning[];
  stats: CleanupStats;
  /** What to tell the maintainer when no date was found, when the reader knows better than the general advice. */
  missingDate?: string;
  /** Files the article brings along into its own folder (a saved page's images and attachments). */
  files?: LocalFile[];
}

/** A problem that stops one input (or one JSONL line) from being imported. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** 1-based line in the input file, where known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

/** Adds the counts of one cleanup result to running stats. */
export function addStats(stats: CleanupStats, more: { pinyin: number; punctuation: number }): void {
  stats.pinyin += more.pinyin;
  stats.punctuation += more.punctuation;
}
