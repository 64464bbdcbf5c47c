import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../../helpers/archive.ts";

/** The outcome of one site build. */
export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  seconds: number;
}

/**
 * Builds the site from an archive folder into a fresh temporary folder, the way a
 * maintainer does (`astro build`), with its own cache so test builds never share state.
 */
export function buildSite(archiveDir: string): BuildResult {
  const work = mkdtempSync(path.join(tmpdir(), "site-"));
  const outDir = path.join(work, "dist");
  const started = performance.now();
  const result = spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARCHIVE_DIR: archiveDir,
      ASTRO_CACHE_DIR: path.join(work, "cache"),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    outDir,
    seconds: (performance.now() - started) / 1000,
  };
}
