import path from "node:path";
import type { FloorTimes } from "./floor.ts";
import { runMeasured, type MeasuredRun } from "./measure.ts";
import { ROOT, TSX } from "./paths.ts";

/** One measured run of the floor (bench/perf/floor.ts) in a process of its own. */
export interface FloorRun {
  times: FloorTimes;
  run: MeasuredRun;
}

/**
 * Runs the floor on an archive in a fresh process, so it pays for loading the Markdown
 * processor and the converter as a build does, and its memory is measured alone.
 */
export async function runFloor(archiveDir: string, outDir: string): Promise<FloorRun> {
  let json = "";
  const run = await runMeasured(process.execPath, [TSX, path.join(ROOT, "bench/perf/floor.ts"), archiveDir, outDir], {
    cwd: ROOT,
    onLine: (line) => {
      if (line.text.startsWith("{")) json = line.text;
    },
  });
  if (run.status !== 0 || !json) throw new Error(`the floor failed (exit ${run.status}):\n${run.tail.join("\n")}`);
  return { times: JSON.parse(json) as FloorTimes, run };
}
