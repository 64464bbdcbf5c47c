import type { ArticleDate } from "./dates.ts";
import type { ArticleMeta } from "./schema.ts";

/** Formats a publication date the way Chinese news pages do: 2020年03月04日 07:41. */
export function formatChineseDate(date: ArticleDate): string {
  const [year, month, day] = date.day.split("-");
  const dayPart = `${year}年${month}月${day}日`;
  if (!date.hasTime) return dayPart;
  const time = /T(\d{2}:\d{2})/.exec(date.iso)?.[1] ?? "";
  return `${dayPart} ${time}`;
}

/** Formats a plain calendar day (YYYY-MM-DD) as 2020年03月04日. */
export function formatChineseDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${year}年${month}月${date}日`;
}

/** Articles sorted newest first, ties broken by id so the order is stable between builds. */
export function newestFirst<T extends { data: Pick<ArticleMeta, "date" | "id"> }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      Date.parse(b.data.date.iso) - Date.parse(a.data.date.iso) ||
      (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0),
  );
}
