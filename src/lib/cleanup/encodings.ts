/**
 * Tables from the legacy encodings that damage Chinese text, built from the
 * runtime's own WHATWG decoders (no data files): the characters GBK and
 * Windows-1252 can encode, and the sets of common characters (GB2312 for
 * Simplified, Big5 level 1 for Traditional). Each table is built on first use.
 */

let gbkTable: Map<string, number[]> | undefined;
let cp1252Table: Map<string, number> | undefined;
let hanClass: Uint8Array | undefined;

/** Decodes every two-byte code of an encoding at once, one code per line, and returns code -> character. */
function decodePairs(encoding: string, leads: [number, number], trails: [number, number]): Map<string, number[]> {
  const bytes: number[] = [];
  const codes: number[][] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) {
      if (trail === 0x7f) continue;
      bytes.push(lead, trail, 0x0a);
      codes.push([lead, trail]);
    }
  }
  const lines = new TextDecoder(encoding).decode(new Uint8Array(bytes)).split("\n");
  const table = new Map<string, number[]>();
  codes.forEach((code, index) => {
    const char = lines[index];
    if (char !== undefined && char !== "\uFFFD" && [...char].length === 1 && !table.has(char)) table.set(char, code);
  });
  return table;
}

/** The GBK bytes of a character, or undefined when GBK cannot encode it. */
export function gbkBytes(char: string): number[] | undefined {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
  if (!gbkTable) {
    gbkTable = decodePairs("gbk", [0x81, 0xfe], [0x40, 0xfe]);
    gbkTable.set("€", [0x80]);
  }
  return gbkTable.get(char);
}

/** The Windows-1252 byte of a character, or undefined when it has none. */
export function cp1252Byte(char: string): number | undefined {
  if (!cp1252Table) {
    cp1252Table = new Map();
    const all = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    [...all].forEach((decoded, byte) => cp1252Table?.set(decoded, byte));
  }
  return cp1252Table.get(char);
}

const COMMON = 1;
const RARE = 2;

/**
 * Whether a character is an unusual Han character: outside GB2312 (the 6,763
 * characters of Simplified print) and Big5 level 1 (the 5,401 frequent Traditional
 * characters). Text damaged by a wrong encoding is full of them. A lookup table over
 * the Basic Multilingual Plane keeps this cheap enough to run on every character.
 */
export function isRareHan(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code > 0xffff) return /^\p{Script=Han}$/u.test(char);
  return isRareHanCode(code);
}

/** isRareHan for a UTF-16 code unit of the Basic Multilingual Plane, for loops over long text. */
export function isRareHanCode(code: number): boolean {
  if (!hanClass) {
    hanClass = new Uint8Array(0x10000);
    for (let i = 0x2e80; i <= 0xffff; i++) {
      if (/^\p{Script=Han}$/u.test(String.fromCharCode(i))) hanClass[i] = RARE;
    }
    for (const table of [
      decodePairs("gbk", [0xb0, 0xf7], [0xa1, 0xfe]),
      decodePairs("big5", [0xa4, 0xc6], [0x40, 0xfe]),
    ]) {
      for (const common of table.keys()) hanClass[common.charCodeAt(0)] = COMMON;
    }
  }
  return hanClass[code] === RARE;
}
