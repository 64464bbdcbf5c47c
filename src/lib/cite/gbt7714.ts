import type { CitationItem } from "./item.ts";

/**
 * A reference in the style of GB/T 7714-2015 (信息与文献 参考文献著录规则), as a
 * reference list entry without its number.
 *
 * - A report with a known outlet is a newspaper article read online (type N/OL):
 *   `责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.`
 * - A policy document, or a report with no outlet, is an electronic bulletin (EB/OL),
 *   its document number given as other title information after the title:
 *   `发文机关. 题名: 发文字号[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.`
 *
 * Up to three responsible parties are listed, separated by ", "; with more, the
 * first three and ", 等". With none the entry starts with the title, as the standard
 * allows for the numeric system (顺序编码制). The 引用日期 is the reader's, so it
 * appears only when given; the punctuation is the standard's half-width set.
 */
export function gbt7714(item: CitationItem): string {
  const parts: string[] = [];
  if (item.authors.length > 0) parts.push(`${responsible(item.authors)}. `);
  const accessed = item.accessed ? `[${item.accessed}]` : "";
  if (item.kind === "news" && item.container !== undefined) {
    parts.push(`${item.title}[N/OL]. ${item.container}, ${item.day}${accessed}. `);
  } else {
    const other = item.documentNumber === undefined ? "" : `: ${item.documentNumber}`;
    parts.push(`${item.title}${other}[EB/OL]. (${item.day})${accessed}. `);
  }
  parts.push(`${item.url}.`);
  return parts.join("");
}

function responsible(names: readonly string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")}, 等` : names.join(", ");
}
