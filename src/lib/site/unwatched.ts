import path from "node:path";

/**
 * The dev server's watch exclusions (Vite's `server.watch.ignored`): what builds write (a
 * site folder and its staging and trash folders, the parts of a build in parts), caches,
 * dependencies and benchmark output hold tens of thousands of files, more than the system
 * lets one process watch. The archive itself is exempt (`!`), so an archive kept in a
 * folder named like one of them (`parts/`, `bench/out/`) still shows its edits.
 */
export function unwatchedGlobs(archiveDir: string, cacheDir?: string): string[] {
  const archive = path.resolve(archiveDir).split(path.sep).join("/");
  return [
    "**/.git/**",
    "**/node_modules/**",
    "**/dist/**",
    "**/.dist.*/**",
    "**/parts/**",
    "**/.astro/**",
    "**/.astro-cache/**",
    "**/bench/out/**",
    ...(cacheDir ? [`${path.resolve(cacheDir).split(path.sep).join("/")}/**`] : []),
    `!${archive}`,
    `!${archive}/**`,
  ];
}
