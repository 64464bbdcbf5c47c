import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** One law of the twlaw corpus: its code and its text, articles one to a line. */
export interface TwlawText {
  pcode: string;
  text: string;
}

/** Which part of the corpus: learning reads only `train`, measurement only `test`. */
export type TwlawPart = "train" | "test";

/**
 * The held-out split: a law belongs to `test` when the first byte of the SHA-1 of its
 * code is below 52 (about a fifth of the laws). Fixed by the code, not by position, so
 * it does not change when the corpus file is reordered or grows.
 */
export function twlawPart(pcode: string): TwlawPart {
  const first = createHash("sha1").update(pcode).digest()[0] ?? 0;
  return first < 52 ? "test" : "train";
}

/** Reads the laws of one part of `twlaw/laws-even.jsonl` (authentic Taiwan Traditional text). */
export function readTwlaw(file: string, part: TwlawPart): TwlawText[] {
  const laws: TwlawText[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const law = JSON.parse(line) as { pcode: string; articles: string[] };
    if (twlawPart(law.pcode) === part) laws.push({ pcode: law.pcode, text: law.articles.join("\n") });
  }
  return laws;
}
