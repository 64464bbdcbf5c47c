import { canonicalName } from "./keys.ts";

/**
 * Document numbers (發文字號) such as 国发〔2024〕1号: finding those an article's body
 * cites, in either script and with the bracket forms copied text often has
 * (〔〕, [], ［］, （）, ()), so that a report citing a notice links to it.
 */

const OPEN = "〔［[（(【";
const CLOSE = "〕］\\]）)】";
/** The year and serial of a number; the agency code before them is found by looking back. */
const TAIL = new RegExp(`[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*[号號]`, "gu");
const WHOLE = new RegExp(`^(\\p{Script=Han}{1,12})\\s*${TAIL.source}$`, "u");
const CODE_BEFORE = /\p{Script=Han}{1,12}$/u;

/** The form in which two spellings of one document number compare equal, or undefined when it is not one. */
export function documentNumberKey(text: string): string | undefined {
  const match = WHOLE.exec(text.normalize("NFKC").trim());
  if (!match) return undefined;
  const [, code = "", year = "", serial = ""] = match;
  return numberKey(canonicalName(code), year, serial);
}

/**
 * The known document numbers cited in a text, as keys. `known` holds the keys of
 * the archive's documents; only those are worth finding, and knowing them settles
 * where an agency code begins in running text (据国发〔2024〕1号: 国发, not 据国发).
 */
export function citedDocumentNumbers(text: string, known: ReadonlySet<string>): string[] {
  if (known.size === 0) return [];
  const normalised = text.normalize("NFKC");
  const found = new Set<string>();
  for (const match of normalised.matchAll(TAIL)) {
    const [, year = "", serial = ""] = match;
    const run = CODE_BEFORE.exec(normalised.slice(Math.max(0, match.index - 12), match.index).trimEnd())?.[0];
    if (!run) continue;
    const chars = [...canonicalName(run)];
    for (let start = 0; start < chars.length; start++) {
      const key = numberKey(chars.slice(start).join(""), year, serial);
      if (known.has(key)) {
        found.add(key);
        break;
      }
    }
  }
  return [...found];
}

function numberKey(code: string, year: string, serial: string): string {
  return `${code}〔${year}〕${Number(serial)}号`;
}
