/**
 * The headline block of a Chinese news page: up to three lines, 引題 (kicker) above
 * the 主題 (title) and 副題 (subtitle) below it. Three lines are unambiguous; one
 * line is the title. Two lines are either kicker + title or title + subtitle, and
 * the page's type sizes that told them apart are gone from a copy, so they are
 * told apart by what is left.
 */

/** The headline lines, named. */
export interface Headline {
  kicker?: string;
  title: string;
  subtitle?: string;
  /** Set when two lines were told apart by a guess; says which guess, for a warning. */
  guess?: string;
}

/** A subtitle often opens with a dash (——記習近平總書記…) or is wrapped in parentheses. */
const SUBTITLE_SHAPE = /^(?:[—－-]{1,2}|──|[（(].*[）)]$)/;

/**
 * Names the headline lines. With two lines, a second line shaped like a subtitle
 * (opening dash, parentheses) makes the first the title; otherwise the longer line
 * is the title, since the main headline states the news and a kicker or subtitle
 * adds to it (樓陽生對脫貧攻堅提出要求 / 全省脫貧攻堅…部署會召開 / 林武作批示).
 * Equal lengths keep the order: title, then subtitle.
 */
export function assignHeadlines(lines: readonly string[]): Headline | undefined {
  const [first, second, third] = lines;
  if (first === undefined) return undefined;
  if (second === undefined) return { title: first };
  if (third !== undefined) return { kicker: first, title: second, subtitle: third };
  if (SUBTITLE_SHAPE.test(second)) return { title: first, subtitle: second };
  if ([...second].length > [...first].length) {
    return {
      kicker: first,
      title: second,
      guess: "the longer second line is the title and the first its kicker (引題)",
    };
  }
  return { title: first, subtitle: second, guess: "the first line is the title and the second its subtitle (副題)" };
}
