import type { MojibakeFinding } from "../cleanup/mojibake.ts";
import type { ImportWarning } from "./draft.ts";

/** Text around a damaged spot is quoted up to this many characters. */
const QUOTE = 40;

/**
 * Turns mojibake findings into warnings for the maintainer, quoting the damaged
 * text as it stands in the written article (the cleanup leaves it untouched).
 * `place` maps a finding's line (within the cleaned text) to a file line or a description.
 */
export function mojibakeWarnings(
  findings: readonly MojibakeFinding[],
  place: (line: number) => number | string,
): ImportWarning[] {
  return findings.map((finding) => {
    const where = place(finding.line);
    const quoted = [...finding.text].length > QUOTE ? `${[...finding.text].slice(0, QUOTE).join("")}…` : finding.text;
    const message = `possible mojibake «${quoted}»: ${finding.message}; check it against the original page and correct the article by hand`;
    return typeof where === "number" ? { line: where, message } : { where, message };
  });
}
