const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that can make up a Chinese or Arabic number in a heading or clause number. */
export const NUMERAL_CHARS = "〇零一二两兩三四五六七八九十拾百佰千仟万萬0-9０-９";

/**
 * The value of a number as written in legal text: Chinese numerals (一百零三, 十二,
 * 两千零一十, 一〇三), Arabic digits in either width (103, １０３). Undefined when the
 * text is not a whole number.
 */
export function parseNumeral(text: string): number | undefined {
  const value = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const tenThousands = value.split(/[万萬]/);
  if (tenThousands.length > 2) return undefined;
  if (tenThousands.length === 2) {
    const high = parseBelowTenThousand(tenThousands[0] ?? "");
    const low = tenThousands[1] === "" ? 0 : parseBelowTenThousand(tenThousands[1] ?? "");
    return high === undefined || low === undefined ? undefined : high * 10_000 + low;
  }
  return parseBelowTenThousand(value);
}

function parseBelowTenThousand(text: string): number | undefined {
  if (text === "") return undefined;
  // Digit by digit, as in years and some document numbers: 一〇三.
  if ([...text].every((c) => c in DIGITS) && text.length > 1) {
    return Number([...text].map((c) => DIGITS[c]).join(""));
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const char of text) {
    if (char in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[char];
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十二 is 12: a unit with no digit before it counts once.
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

const DIGIT_CHARS = "〇一二三四五六七八九";

/**
 * A whole number from 1 to 9999 in Chinese numerals as legal text writes clause and
 * chapter numbers: 十二, 一百零三, 一百一十, 二百八十七, 一千二百六十.
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) throw new RangeError(`no numeral for ${value}`);
  const digits = String(value).split("").map(Number);
  const units = ["千", "百", "十", ""].slice(4 - digits.length);
  let text = "";
  let zero = false;
  digits.forEach((digit, i) => {
    if (digit === 0) {
      zero = text !== "";
      return;
    }
    if (zero) text += "零";
    zero = false;
    // 十二, not 一十二, when the number starts with its tens.
    const unit = units[i] ?? "";
    text += (digit === 1 && unit === "十" && text === "" ? "" : DIGIT_CHARS.charAt(digit)) + unit;
  });
  return text;
}
