import { createHash } from "node:crypto";
import { Converter } from "opencc-js/t2cn";

/**
 * Keys for names (people, places, topics, sources...) in browse URLs.
 *
 * A key must be stable (a page's address never changes unless the name does), the
 * same for one name written in either script (樓陽生 and 楼阳生 are one person), and
 * a valid path segment and file name on every host. So a name is first folded to a
 * canonical form: Unicode NFKC (full-width Latin and digits become ASCII), spaces
 * collapsed, Latin lowercased, and Traditional characters turned into Simplified with
 * plain OpenCC (`tw`→`cn`, no site rules, so editing conversion rules never moves a
 * page). That form is the key when it is made of letters, digits, `·`, `_` and `-`
 * only, is not all digits (those are page numbers) and is at most 40 characters
 * (file names are limited to 255 bytes). Any other name becomes a readable slug plus
 * `~` and six characters of a hash of its canonical form: the hash depends on the
 * name alone, so keys never shift when other names are added.
 */

/** Longest canonical name used as a key as it is, in code points. */
const MAX_PLAIN = 40;

const SAFE = /^[\p{L}\p{N}\p{M}·_-]+$/u;
const UNSAFE_RUN = /[^\p{L}\p{N}\p{M}·_-]+/gu;

let toSimplified: ((text: string) => string) | undefined;

// Names repeat across thousands of articles (one leader, one source): convert each once.
const canonicalCache = new Map<string, string>();

/** The canonical form of a name: what two spellings of the same name have in common. */
export function canonicalName(name: string): string {
  let canonical = canonicalCache.get(name);
  if (canonical === undefined) {
    toSimplified ??= Converter({ from: "tw", to: "cn" });
    canonical = toSimplified(name.normalize("NFKC").trim().replace(/\s+/gu, " ").toLowerCase());
    canonicalCache.set(name, canonical);
  }
  return canonical;
}

/** The URL key of a name (see the module comment); equal for names with the same canonical form. */
export function nameKey(name: string): string {
  return keyOfCanonical(canonicalName(name));
}

/** The URL key of a name already in canonical form. */
export function keyOfCanonical(canonical: string): string {
  if (SAFE.test(canonical) && !/^\d+$/.test(canonical) && [...canonical].length <= MAX_PLAIN) return canonical;
  const slug = [...canonical.replace(UNSAFE_RUN, "-").replace(/^-+|-+$/g, "")].slice(0, MAX_PLAIN).join("");
  const hash = BigInt(`0x${createHash("sha256").update(canonical).digest("hex").slice(0, 10)}`)
    .toString(36)
    .padStart(6, "0")
    .slice(0, 6);
  return `${slug}~${hash}`;
}
