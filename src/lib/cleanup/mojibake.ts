import { isChinese } from "./chars.ts";
import { cp1252Byte, gbkBytes, isRareHan, isRareHanCode } from "./encodings.ts";

/**
 * Detection of mojibake: text damaged by a wrong encoding somewhere between the
 * original page and the copy. It is reported, never repaired: a guess of the
 * original is only a hint for the maintainer, who checks the source page.
 */

/** How a piece of text looks damaged. */
export type MojibakeKind =
  | "replacement-character"
  | "known-pattern"
  | "question-marks"
  | "latin1-decoded-utf8"
  | "gbk-decoded-utf8"
  | "rare-characters";

/** One damaged spot. Lines and columns are 1-based and count characters, as editors do. */
export interface MojibakeFinding {
  kind: MojibakeKind;
  line: number;
  column: number;
  /** UTF-16 offsets of the damaged text, end exclusive. */
  start: number;
  end: number;
  /** The damaged text itself. */
  text: string;
  /** What it looks like and, where the damage can be undone on paper, what it may have said. */
  message: string;
}

type Raw = Omit<MojibakeFinding, "line" | "column" | "text">;

/** Windows-1252 characters for the bytes 0x80-0xBF, the continuation bytes of UTF-8. */
const CP1252_CONTINUATION =
  "\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122";
/**
 * UTF-8 lead bytes (0xC2-0xF4) shown as Latin-1 letters, each followed by continuation
 * bytes: Ã© for é, æ–° for 新. The multiplication sign (0xD7) is left out: Chinese
 * text writes ×” (数据要素×”) for real.
 */
const LATIN1_RUN = new RegExp(`(?:[\\u00C2-\\u00D6\\u00D8-\\u00F4][${CP1252_CONTINUATION}]{1,3})+`, "g");

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const looseUtf8 = new TextDecoder("utf-8");

/** Finds every spot in `text` that looks damaged by a wrong encoding, in order. */
export function findMojibake(text: string): MojibakeFinding[] {
  const raw: Raw[] = [
    ...replacementCharacters(text),
    ...knownPatterns(text),
    ...questionMarks(text),
    ...latin1(text),
    ...gbkDecodedUtf8(text),
    ...rareRuns(text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Raw[] = [];
  for (const finding of raw) {
    const last = kept.at(-1);
    if (last && finding.start <= last.end) {
      // One damaged stretch, one warning: keep the description that carries a guess.
      if (!last.message.includes("may have said") && finding.message.includes("may have said")) {
        last.kind = finding.kind;
        last.message = finding.message;
      }
      last.end = Math.max(last.end, finding.end);
      continue;
    }
    kept.push({ ...finding });
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  return kept.map((finding) => {
    let line = lineStarts.length;
    while ((lineStarts[line - 1] ?? 0) > finding.start) line--;
    const column = [...text.slice(lineStarts[line - 1] ?? 0, finding.start)].length + 1;
    return { ...finding, line, column, text: text.slice(finding.start, finding.end) };
  });
}

function replacementCharacters(text: string): Raw[] {
  return [...text.matchAll(/\uFFFD+/g)].map((match) => ({
    kind: "replacement-character",
    start: match.index,
    end: match.index + match[0].length,
    message:
      "replacement character (�): bytes were lost when the text was read with the wrong encoding (GBK or Big5 read as UTF-8, for example)",
  }));
}

function knownPatterns(text: string): Raw[] {
  return [...text.matchAll(/(?:锟斤拷)+|烫{3,}|屯{3,}/g)].map((match) => ({
    kind: "known-pattern",
    start: match.index,
    end: match.index + match[0].length,
    message: match[0].startsWith("锟")
      ? "锟斤拷 is a replacement character (�) saved as UTF-8 and read as GBK: the original characters are lost"
      : `${match[0]} is uninitialised memory shown as GBK text: the original characters are lost`,
  }));
}

/**
 * Question marks where an encoder replaced characters it could not represent: a
 * run of two or more next to Chinese text, or any next to an unusual character
 * (`?!睍` where `。”時` was meant). The unusual neighbours are part of the damage.
 */
function questionMarks(text: string): Raw[] {
  const found: Raw[] = [];
  for (const match of text.matchAll(/[?!]*\?[?!]*/g)) {
    let start = match.index;
    let end = start + match[0].length;
    const questions = match[0].split("?").length - 1;
    const before = [...text.slice(Math.max(0, start - 2), start)].at(-1);
    const after = [...text.slice(end, end + 2)][0];
    const rareBefore = before !== undefined && isRareHan(before);
    const rareAfter = after !== undefined && isRareHan(after);
    const nextToChinese = isChinese(before) || isChinese(after);
    if (!(rareBefore || rareAfter || (questions >= 2 && nextToChinese))) continue;
    while (start > 0) {
      const char = [...text.slice(Math.max(0, start - 2), start)].at(-1) ?? "";
      if (!isRareHan(char)) break;
      start -= char.length;
    }
    while (end < text.length) {
      const char = [...text.slice(end, end + 2)][0] ?? "";
      if (!isRareHan(char)) break;
      end += char.length;
    }
    found.push({
      kind: "question-marks",
      start,
      end,
      message:
        "question marks in Chinese text where characters may have been lost to an encoding that could not represent them",
    });
  }
  return found;
}

function latin1(text: string): Raw[] {
  const found: Raw[] = [];
  for (const match of text.matchAll(LATIN1_RUN)) {
    const bytes = [...match[0]].map(cp1252Byte);
    if (bytes.some((byte) => byte === undefined)) continue;
    let decoded: string;
    try {
      decoded = strictUtf8.decode(Uint8Array.from(bytes as number[]));
    } catch {
      continue;
    }
    found.push({
      kind: "latin1-decoded-utf8",
      start: match.index,
      end: match.index + match[0].length,
      message: `UTF-8 text read as Latin-1 (Windows-1252); it may have said «${decoded}»`,
    });
  }
  return found;
}

/**
 * UTF-8 text read as GBK turns each character into one and a half unusual ones
 * (发布时间 into 鍙戝竷鏃堕棿). A run of such text is re-encoded as GBK on paper:
 * if the bytes then read as Chinese UTF-8, the run was damaged.
 */
function gbkDecodedUtf8(text: string): Raw[] {
  const found: Raw[] = [];
  for (const match of text.matchAll(/[^\x00-\x7F\uFFFD]{2,}/g)) {
    const run = match[0];
    const chars = [...run];
    if (!chars.some(isRareHan)) continue;
    const bytes: number[] = [];
    let encodable = true;
    for (const char of chars) {
      const code = gbkBytes(char);
      if (!code) {
        encodable = false;
        break;
      }
      bytes.push(...code);
    }
    if (!encodable) continue;
    const decoded = looseUtf8.decode(Uint8Array.from(bytes));
    const decodedChars = [...decoded];
    const chinese = decodedChars.filter((char) => isChinese(char)).length;
    const lost = decodedChars.filter((char) => char === "\uFFFD").length;
    if (chinese < 2 || chinese < 2 * lost) continue;
    found.push({
      kind: "gbk-decoded-utf8",
      start: match.index,
      end: match.index + run.length,
      message: `UTF-8 text read as GBK; it may have said «${decoded}»`,
    });
  }
  return found;
}

/**
 * Cyrillic and kana, which GBK decodes from its rows for them. The katakana middle dot
 * (U+30FB) is left out: neither GBK nor Big5 decodes to it, and Chinese headlines use
 * it as a separator (忆・红, 春・寻).
 */
const FOREIGN = String.raw`\u0400-\u04FF\u3040-\u30FA\u30FC-\u30FF`;
const isForeignCode = (code: number) =>
  (code >= 0x400 && code <= 0x4ff) || (code >= 0x3040 && code <= 0x30ff && code !== 0x30fb);
/** Han characters (by code ranges, much faster than \p{Script=Han} on long text), with Cyrillic and kana letters between them. */
const HAN = String.raw`(?:[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF])`;
const HAN_RUN = new RegExp(`${HAN}(?:${HAN}|[${FOREIGN}])*${HAN}`, "g");
const FOREIGN_RUN = new RegExp(`[${FOREIGN}]+`, "g");

/** Han characters looked at together when judging how unusual a stretch of text is. */
const WINDOW = 8;
/** Unusual characters in a window that make it look damaged: real text has one now and then (a name), not half. */
const RARE_IN_WINDOW = 4;
/**
 * A shorter run of Han characters needs this many unusual ones, and more than half:
 * 龙行龘龘, the 2024 New Year slogan, has two and is real.
 */
const SHORT_RUN_RARE = 3;

/**
 * Text in one legacy encoding read as another (Big5 as GBK, GBK as Big5) comes out
 * as valid but strange characters: half of them unusual, or Cyrillic and kana
 * letters (GBK's rows for those) between Han characters (叉砲ю绊拜肈逼琩俱э).
 */
function rareRuns(text: string): Raw[] {
  const found: Raw[] = [];
  const message =
    "unusual characters, as text in one encoding read as another (Big5 read as GBK, for example) produces";
  for (const match of text.matchAll(HAN_RUN)) {
    const run = match[0];
    // A first pass without allocating: most runs of real text have no reason to look closer.
    let rareCount = 0;
    let foreign = false;
    for (let i = 0; i < run.length; i++) {
      const code = run.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff)
        rareCount++; // beyond the Basic Multilingual Plane: all unusual
      else if (code >= 0x2e80 && isRareHanCode(code)) rareCount++;
      else if (isForeignCode(code)) foreign = true;
    }
    if (foreign) {
      for (const letter of run.matchAll(FOREIGN_RUN)) {
        const at = match.index + letter.index;
        found.push({ kind: "rare-characters", start: at - 1, end: at + letter[0].length + 1, message });
      }
    }
    if (rareCount < SHORT_RUN_RARE) continue;
    const chars: { at: number; rare: boolean }[] = [];
    for (let i = 0; i < run.length;) {
      const code = run.codePointAt(i) ?? 0;
      const char = code > 0xffff ? String.fromCodePoint(code) : (run[i] ?? "");
      chars.push({ at: match.index + i, rare: isRareHan(char) });
      i += char.length;
    }
    if (chars.length < WINDOW) {
      if (chars.filter((c) => c.rare).length * 2 > chars.length) {
        found.push({ kind: "rare-characters", start: match.index, end: match.index + run.length, message });
      }
      continue;
    }
    let rare = 0;
    for (let i = 0; i < chars.length; i++) {
      if (chars[i]?.rare) rare++;
      if (i >= WINDOW && chars[i - WINDOW]?.rare) rare--;
      if (i >= WINDOW - 1 && rare >= RARE_IN_WINDOW) {
        const first = chars[i - WINDOW + 1];
        const last = chars[i];
        if (first && last)
          found.push({
            kind: "rare-characters",
            start: first.at,
            end: last.at + (run.codePointAt(last.at - match.index)! > 0xffff ? 2 : 1),
            message,
          });
      }
    }
  }
  return found;
}
