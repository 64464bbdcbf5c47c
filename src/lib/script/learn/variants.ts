/**
 * Pairs of Traditional characters that are both standard, where Taiwan's laws prefer one
 * and OpenCC's mainland-to-Taiwan tables may give the other (計畫/計劃, 污/汙, 雇/僱, 佈/布,
 * 臺/台, 佔/占, 註/注…). A difference between them is a preference, not an error: the
 * round-trip benchmark counts them apart and learning never takes them as corrections.
 */
export const ACCEPTED_VARIANTS: readonly string[] = [
  "畫劃",
  "污汙",
  "雇僱",
  "布佈",
  "台臺",
  "占佔",
  "裏裡",
  "群羣",
  "峰峯",
  "線綫",
  "鉤鈎",
  "麵麪",
  "衆眾",
  "周週",
  "蹟跡",
  "吃喫",
  "註注",
  "祕秘",
  "只祇",
  "才纔",
  "回迴",
  "升昇",
  "鏽銹",
  "濕溼",
];

const pairs = new Set<string>();
for (const pair of ACCEPTED_VARIANTS) {
  const [a, b] = Array.from(pair);
  if (a && b) {
    pairs.add(a + b);
    pairs.add(b + a);
  }
}

/** Whether two Traditional characters are an accepted variant pair (either order). */
export function isAcceptedVariant(a: string, b: string): boolean {
  return pairs.has(a + b);
}

/**
 * Pairs where Taiwan's laws use a sense that mainland news does not: 里 is there an
 * administrative unit (村里, 里長), while in news 村里 means "in the village" (村裡).
 * Learning never takes these as corrections either.
 */
export const REGISTER_PAIRS: readonly string[] = ["里裡"];
const registerPairs = new Set(REGISTER_PAIRS.flatMap((pair) => [pair, Array.from(pair).reverse().join("")]));

/** Whether a difference between two Traditional characters must not be learned: an accepted variant or a register pair. */
export function isNotLearned(a: string, b: string): boolean {
  return pairs.has(a + b) || registerPairs.has(a + b);
}
