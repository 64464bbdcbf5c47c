import { defineConfig } from "vitest/config";
import { corpusEndToEndFiles, missingPrograms, strict } from "./tests/setup/requirements.ts";

// End-to-end files that need a program this machine lacks, or the shared corpus when it is
// absent, are left out (the global setup says so in one line each). Under CI=true a missing
// program leaves nothing out: the global setup fails the run instead.
const unavailable = [
  ...(strict ? [] : missingPrograms().flatMap((program) => program.files)),
  ...corpusEndToEndFiles(),
];

export default defineConfig({
  test: {
    globalSetup: ["tests/setup/announce-skips.ts"],
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: unavailable,
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
