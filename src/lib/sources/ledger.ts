import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { z } from "zod";
import { OUTCOMES, type CheckRecord } from "./types.ts";

/**
 * The ledger of source checks: `<archive>/sources/checks.jsonl`, one JSON object per line,
 * only ever appended to. Each check is appended as one whole line in a single write to a
 * file opened for appending, then flushed to the disk (fdatasync), so a run stopped at any
 * moment (Ctrl-C, SIGKILL, a power cut) loses at most the check it was making. A write cut
 * short can only leave a torn last line: readers skip it with a warning, and the next run
 * cuts it off before appending, under the archive's lock.
 */

/** The folder inside the archive for everything the source checks keep. */
export const SOURCES_DIR = "sources";

/** The ledger's path inside an archive. */
export function ledgerFile(archiveDir: string): string {
  return path.join(archiveDir, SOURCES_DIR, "checks.jsonl");
}

const recordSchema = z.strictObject({
  id: z.string().min(1),
  url: z.string().min(1),
  checked: z.iso.datetime(),
  outcome: z.enum(OUTCOMES as [CheckRecord["outcome"], ...CheckRecord["outcome"][]]),
  http_status: z.number().int().min(100).max(599).nullable(),
  final_url: z.string().nullable(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  etag: z.string().optional(),
  last_modified: z.string().optional(),
  reason: z.string().optional(),
});

/** A line of the ledger that cannot be read, with its 1-based number. */
export interface LedgerProblem {
  line: number;
  message: string;
}

/** What reading a ledger found. */
export interface LedgerRead {
  records: CheckRecord[];
  /** Lines that are not valid records: the ledger was edited by hand or damaged. */
  problems: LedgerProblem[];
  /** Set when the last line was torn (a run stopped mid-write): it is skipped. */
  torn?: LedgerProblem;
}

/** Reads a ledger's text: every valid record, the problems, and a torn last line apart. */
export function parseLedger(text: string): LedgerRead {
  const records: CheckRecord[] = [];
  const problems: LedgerProblem[] = [];
  let torn: LedgerProblem | undefined;
  const lines = text.split("\n");
  // A complete ledger ends with a newline, so the last piece is empty; anything else there is torn.
  const last = lines.pop() ?? "";
  if (last !== "") {
    torn = {
      line: lines.length + 1,
      message: "the last line is unfinished (a check stopped while it was written): it is ignored",
    };
  }
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      problems.push({ line: index + 1, message: "an empty line" });
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, message: "not a JSON object" });
      return;
    }
    const result = recordSchema.safeParse(data);
    if (result.success) records.push(result.data as CheckRecord);
    else {
      const fields = result.error.issues.map((issue) => `${issue.path.join(".") || "(line)"}: ${issue.message}`);
      problems.push({ line: index + 1, message: fields.join("; ") });
    }
  });
  return { records, problems, ...(torn && { torn }) };
}

/** Reads an archive's ledger; an archive never checked has an empty one. */
export function readLedger(archiveDir: string): LedgerRead {
  let text: string;
  try {
    text = readFileSync(ledgerFile(archiveDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], problems: [] };
    throw error;
  }
  return parseLedger(text);
}

/** Appends checks to a ledger. Only for a command that holds the archive's lock. */
export class LedgerWriter {
  private constructor(private readonly fd: number) {}

  /**
   * Opens the ledger for appending, creating it and its folder when needed. A torn last
   * line left by a stopped run is cut off first; `onTorn` hears of it.
   */
  static open(archiveDir: string, onTorn?: (bytes: number) => void): LedgerWriter {
    const file = ledgerFile(archiveDir);
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(file, "a+");
    const size = fstatSync(fd).size;
    const keep = completeLength(fd, size);
    if (keep < size) {
      ftruncateSync(fd, keep);
      fdatasyncSync(fd);
      onTorn?.(size - keep);
    }
    return new LedgerWriter(fd);
  }

  /** Appends one check as one line in one write, and flushes it to the disk. */
  append(record: CheckRecord): void {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    const written = writeSync(this.fd, bytes);
    if (written !== bytes.length) throw new Error(`the ledger took ${written} of ${bytes.length} bytes`);
    fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The length of a file up to and including its last newline. */
function completeLength(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

/** Groups ledger records by article id. */
export function recordsOf(records: readonly CheckRecord[]): Map<string, CheckRecord[]> {
  const byId = new Map<string, CheckRecord[]>();
  for (const record of records) {
    const list = byId.get(record.id);
    if (list) list.push(record);
    else byId.set(record.id, [record]);
  }
  return byId;
}
