/** What Vitest adds to the environment besides VITEST_*: its mode, and Vite's import.meta.env values. */
const SET_BY_VITEST = new Set(["NODE_ENV", "TEST", "MODE", "DEV", "PROD", "SSR", "BASE_URL"]);

/**
 * The environment a maintainer's shell has: without what Vitest sets. Under it Vite's dev
 * server takes itself for a test run and never answers, and a build compiles its pages as
 * in development (import.meta.env.DEV), where article pages carry no incremental-build key.
 */
export function maintainerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && !SET_BY_VITEST.has(name)),
  );
}
