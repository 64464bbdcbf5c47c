import { isHan } from "../cleanup/chars.ts";
import { isRareHan } from "../cleanup/encodings.ts";
import { ImportError } from "./draft.ts";

/**
 * Turning an input file's bytes into text, with a clear error for what cannot be
 * imported: an empty file, a binary file (a PDF, a Word document, an image), or
 * text in a legacy encoding. A saved HTML page that declares its encoding
 * (<meta charset="gbk">) is read in that encoding, as a browser would; any other
 * file must be UTF-8 (or UTF-16 with a byte order mark), since guessing an
 * encoding is how mojibake is made.
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });

const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (a .docx or .xlsx document is one)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Microsoft Office document (.doc)"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
];

/** Encodings a Chinese page may declare, by the names pages use, as the WHATWG decoder knows them. */
const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/**
 * Decodes an input file. `html` allows a declared legacy encoding. Throws ImportError
 * with what the file is and what to do about it.
 */
export function decodeInput(bytes: Uint8Array, options: { html?: boolean; name?: string } = {}): string {
  if (bytes.length === 0) throw new ImportError("the file is empty");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  for (const [signature, kind] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      throw new ImportError(
        `this is ${kind}, not text: copy the article's text into a .txt file, or save the web page as HTML`,
      );
    }
  }
  if (isBinary(bytes))
    throw new ImportError("this is a binary file, not text: import .txt copies, saved .html pages or .jsonl files");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const declared = options.html ? declaredEncoding(bytes) : undefined;
    if (declared) return new TextDecoder(declared).decode(bytes);
    throw new ImportError(notUtf8Message(bytes, options.name ?? "<file>"));
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ImportError("the file has no text, only blank space");
  return text;
}

/** NUL bytes, or many control characters, mean binary data. */
function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  return control > sample.length * 0.1;
}

/** The legacy encoding a saved page declares, when the runtime can decode it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const name = DECLARED.exec(head)?.[1];
  if (!name) return undefined;
  try {
    const decoder = new TextDecoder(name);
    return decoder.encoding === "utf-8" ? undefined : decoder.encoding;
  } catch {
    return undefined;
  }
}

/**
 * Says which legacy encoding the bytes are most likely in (GB18030/GBK for
 * Simplified, Big5 for Traditional: whichever reads as more common characters and
 * fewer errors) and how to convert the file, with the line of the first byte that is not UTF-8.
 */
function notUtf8Message(bytes: Uint8Array, name: string): string {
  const score = (encoding: string) => {
    let points = 0;
    for (const char of new TextDecoder(encoding).decode(bytes.subarray(0, 65536))) {
      if (char === "\uFFFD") points -= 2;
      else if (isHan(char)) points += isRareHan(char) ? -1 : 1;
    }
    return points;
  };
  const big5 = score("big5") > score("gb18030");
  const guess = big5 ? "Big5" : "GB18030";
  const likely = big5 ? "Big5 (Traditional Chinese)" : "GBK/GB18030 (Simplified Chinese)";
  return `the file is not UTF-8 text (line ${firstBadLine(bytes)}); it looks like ${likely}. Convert it and import the converted file: iconv -f ${guess} -t UTF-8 ${quote(name)} > ${quote(name.replace(/(\.\w+)?$/, ".utf8$1"))}`;
}

function quote(name: string): string {
  return /^[\w./-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`;
}

function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      utf8.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
