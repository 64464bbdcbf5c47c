import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The shared corpus of real text (read-only; never copied into the project): `CORPUS_DIR`
 * when set, else `../shared/corpus` beside the repository.
 */
export const CORPUS = path.resolve(process.env["CORPUS_DIR"] || path.join(ROOT, "../shared/corpus"));

/** Whether the shared corpus is there; tests that read it are skipped when it is not. */
export const hasCorpus = existsSync(CORPUS);
