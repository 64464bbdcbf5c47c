import { DateTime } from "luxon";

/** China Standard Time: the zone assumed when an article's date gives none. */
export const CHINA_ZONE = "Asia/Shanghai";

/** A publication moment as stored in the article model. */
export interface ArticleDate {
  /** ISO 8601 with offset, such as 2020-03-04T07:41:00+08:00 (midnight when only a day is known). */
  iso: string;
  /** Calendar day in the article's own zone, such as 2020-03-04. */
  day: string;
  /** Whether the source gave a time of day, not just a day. */
  hasTime: boolean;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a front matter date: a day, or a day and time with an optional offset.
 * Returns undefined for anything else, including impossible days such as 2020-02-30.
 */
export function parseArticleDate(input: string): ArticleDate | undefined {
  const text = input.trim();
  if (DAY_ONLY.test(text)) {
    const dt = DateTime.fromISO(text, { zone: CHINA_ZONE });
    return dt.isValid ? { iso: toIso(dt), day: text, hasTime: false } : undefined;
  }
  const match = DAY_TIME.exec(text);
  if (!match) return undefined;
  const [, day, time, offset] = match;
  const dt = DateTime.fromISO(`${day}T${time}${offset ?? ""}`, {
    zone: offset ? "utc" : CHINA_ZONE,
    setZone: true,
  });
  if (!dt.isValid) return undefined;
  return { iso: toIso(dt), day: dt.toISODate() ?? "", hasTime: true };
}

/** Parses a plain calendar day (YYYY-MM-DD), rejecting impossible days. */
export function parseDay(input: string): string | undefined {
  const text = input.trim();
  if (!DAY_ONLY.test(text)) return undefined;
  return DateTime.fromISO(text).isValid ? text : undefined;
}

function toIso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? "";
}
