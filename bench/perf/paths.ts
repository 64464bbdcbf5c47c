import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where benchmark archives and sites go (git-ignored). Sites must be built inside the
 * repository: Astro puts its prerender bundle in `<outDir>/.prerender` only when outDir
 * is inside the working folder, and otherwise in the shared `.astro/.prerender`, where
 * builds running at the same time delete each other's files.
 */
export const OUT = path.join(ROOT, "bench/out");

/** Archives and sites of the current run, removed at its end unless kept. */
export const WORK = path.join(OUT, "work");

/** Astro's command-line entry, run with the Node that runs the benchmark. */
export const ASTRO = path.join(ROOT, "node_modules/astro/bin/astro.mjs");

/** tsx's command-line entry, for the benchmark's own child processes. */
export const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
