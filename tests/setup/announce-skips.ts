import { missingPrograms, skipNotices, strict } from "./requirements.ts";

/**
 * Vitest global setup: says in one line each what this run skips and how to run it, and
 * under CI=true refuses to start when a program the end-to-end tests need is missing.
 */
export default function announceSkips(): void {
  const missing = missingPrograms();
  if (strict && missing.length > 0) {
    throw new Error(
      `CI=true and ${missing.map((program) => `${program.name} is missing (${program.install})`).join("; ")}`,
    );
  }
  for (const notice of skipNotices(missing)) console.log(notice);
}
