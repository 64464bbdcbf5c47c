import type { Script } from "../article/schema.ts";

/** A conversion direction between the two scripts the archive publishes. */
export type Direction = { readonly from: "hans"; readonly to: "hant" } | { readonly from: "hant"; readonly to: "hans" };

/** Simplified to Traditional (OpenCC `cn` to `tw`). */
export const TO_HANT: Direction = Object.freeze({ from: "hans", to: "hant" });

/** Traditional to Simplified (OpenCC `tw` to `cn`). */
export const TO_HANS: Direction = Object.freeze({ from: "hant", to: "hans" });

/** The direction that turns text written in `script` into the other script. */
export function directionFrom(script: Script): Direction {
  return script === "hans" ? TO_HANT : TO_HANS;
}

/** A short stable name for a direction, for cache keys and messages ("hans→hant"). */
export function directionName(direction: Direction): string {
  return `${direction.from}→${direction.to}`;
}

/**
 * Checks a direction given at run time (from a CLI flag or untyped JavaScript),
 * because a wrong one would otherwise fail deep inside OpenCC with a vague message.
 */
export function assertDirection(direction: unknown): asserts direction is Direction {
  const d = direction as { from?: unknown; to?: unknown } | null;
  const ok =
    d !== null &&
    typeof d === "object" &&
    ((d.from === "hans" && d.to === "hant") || (d.from === "hant" && d.to === "hans"));
  if (!ok) {
    throw new TypeError(
      `unknown conversion direction ${JSON.stringify(direction)}: expected {from: "hans", to: "hant"} or {from: "hant", to: "hans"}`,
    );
  }
}
