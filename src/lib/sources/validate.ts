import path from "node:path";
import type { ArchiveProblem } from "../article/load.ts";
import { readCaptures } from "./captures.ts";
import { ledgerFile, readLedger } from "./ledger.ts";

/**
 * What `npm run check` says about the source checks of an archive: ledger lines that are
 * not checks, and capture files that cannot be read. A torn last line is no problem (the
 * next run of the checks cuts it off) and comes back as a note.
 */
export function sourcesProblems(archiveDir: string): { problems: ArchiveProblem[]; notes: string[] } {
  const ledger = readLedger(archiveDir);
  const file = shown(ledgerFile(archiveDir));
  const problems: ArchiveProblem[] = ledger.problems.map(({ line, message }) => ({
    file,
    line,
    message: `not a check: ${message}`,
  }));
  const notes = ledger.torn ? [`${file}:${ledger.torn.line}: ${ledger.torn.message}`] : [];
  for (const problem of readCaptures(archiveDir).problems) {
    problems.push({ file: shown(path.join(archiveDir, problem.file)), message: `not a capture: ${problem.message}` });
  }
  return { problems, notes };
}

function shown(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") ? absolute : relative).split(path.sep).join("/");
}
