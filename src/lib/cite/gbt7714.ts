import type { CitationItem } from "./item.ts";

/** What the access date shows until a script fills in today's date: the standard's name for it. */
export const ACCESS_DATE_PLACEHOLDER = "引用日期";

/**
 * A reference in the style of GB/T 7714-2015 (信息与文献 参考文献著录规则), as a
 * reference list entry without its number. Every form is an online one (文献载体 OL),
 * so each carries the reader's access date (引用日期) in brackets before the link.
 *
 * - A newspaper report is a newspaper article read online (N/OL):
 *   `责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.`
 * - A policy document is an official document (档案 A) read online, under its issuing
 *   body, its document number as other title information, the date of issue in
 *   parentheses, as the standard's own example of a government notice has it:
 *   `发文机关. 题名: 发文字号[A/OL]. (发布日期)[引用日期]. 获取和访问路径.`
 * - An item of a broadcast programme (a transcript on the broadcaster's site) is an
 *   electronic bulletin (EB/OL); an unsigned item is under its programme, the
 *   broadcaster or site as publisher:
 *   `新闻联播. 题名[EB/OL]. 央视网, 播出日期[引用日期]. 获取和访问路径.`
 * - A report with no known outlet is an electronic bulletin with its date in
 *   parentheses: `责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.`
 *
 * Up to three responsible parties are listed, separated by ", "; with more, the
 * first three and ", 等". With none the entry starts with the title, as the standard
 * allows for the numeric system (顺序编码制). The access date is the reader's, so it
 * appears only when the item has one (a day, or a placeholder for the reader to
 * fill); the punctuation is the standard's half-width set.
 *
 * A citation of one clause puts the clause where the standard puts the cited pages
 * (引文页码), after the date and a colon, and links to the clause:
 * `(2023-09-01): 第十二条[引用日期]. https://…/#art-12.`
 */
export function gbt7714(item: CitationItem): string {
  // What follows the date: the cited clause, then the access date.
  const clause = item.clause === undefined ? "" : `: ${item.clause.label}`;
  const accessed = `${clause}${item.accessed === undefined ? "" : `[${item.accessed}]`}`;
  let responsible = item.authors;
  let rest: string;
  if (item.kind === "policy") {
    const other = item.documentNumber === undefined ? "" : `: ${item.documentNumber}`;
    rest = `${item.title}${other}[A/OL]. (${item.day})${accessed}`;
  } else if (item.medium === "newspaper" && item.container !== undefined) {
    rest = `${item.title}[N/OL]. ${item.container}, ${item.day}${accessed}`;
  } else if (item.medium === "broadcast" && item.container !== undefined) {
    if (responsible.length === 0) responsible = [item.container];
    const publisher = item.publisher ?? (item.authors.length > 0 ? item.container : undefined);
    rest = `${item.title}[EB/OL]. ${publisher === undefined ? `(${item.day})` : `${publisher}, ${item.day}`}${accessed}`;
  } else {
    rest = `${item.title}[EB/OL]. (${item.day})${accessed}`;
  }
  const head = responsible.length > 0 ? `${names(responsible)}. ` : "";
  return `${head}${rest}. ${item.url}.`;
}

function names(list: readonly string[]): string {
  return list.length > 3 ? `${list.slice(0, 3).join(", ")}, 等` : list.join(", ");
}
