/**
 * The article model's front matter fields, with the Chinese labels that official
 * document pages use. The docs and error messages are generated from this list,
 * so a field is described in one place only.
 */
export interface FieldInfo {
  /** Chinese label as it appears on a document page header (Traditional). */
  label: string;
  /** What a maintainer must write, phrased for an error message ("expected ..."). */
  expected: string;
  required?: true;
}

export const FIELDS = {
  id: {
    label: "編號",
    expected:
      "a permanent id of lowercase letters, digits and single hyphens, 3 to 80 characters, such as 2020-03-04-k7q2mx",
    required: true,
  },
  title: { label: "主題", expected: "the headline as non-empty text", required: true },
  kicker: { label: "引題", expected: "the line above the headline, as text" },
  subtitle: { label: "副題", expected: "the line below the headline, as text" },
  source: { label: "來源", expected: "the outlet that published the article, as text" },
  publisher: { label: "網站", expected: "the site or publisher the copy was taken from, as text" },
  section: { label: "欄目", expected: "the section or column, as text" },
  authors: { label: "作者", expected: "a list of author names, such as [李全宏]" },
  editor: { label: "責任編輯", expected: "the responsible editor's name, as text" },
  date: {
    label: "發佈時間",
    expected:
      "a date such as 2020-03-04, or a date and time such as 2020-03-04 07:41 or 2020-03-04T07:41:00+08:00 (China time when no zone is given)",
    required: true,
  },
  url: { label: "原文鏈接", expected: "the original web address, starting with http:// or https://" },
  captured: { label: "採集日期", expected: "the date the copy was made, such as 2026-11-28" },
  script: {
    label: "原文字體",
    expected: "hans (published in Simplified script) or hant (published in Traditional script)",
    required: true,
  },
  topics: { label: "主題詞", expected: "a list of topics, such as [脫貧攻堅, 鄉村振興]" },
  persons: { label: "人物", expected: "a list of people named in the article, such as [樓陽生, 林武]" },
  places: { label: "地點", expected: "a list of places, such as [山西省, 太原市]" },
  organizations: { label: "機構", expected: "a list of organisations, such as [國務院, 世界衛生組織]" },
  document_number: { label: "發文字號", expected: "the document number as text, such as 國發〔2020〕1號" },
  issuers: { label: "發文機關", expected: "a list of issuing bodies, such as [國務院]" },
  document_type: { label: "公文種類", expected: "the document type as text, such as 通知, 意見, 決定" },
  status: {
    label: "效力狀態",
    expected: "one of in_force (現行有效), amended (已修改), repealed (已廢止)",
  },
  effective: { label: "施行日期", expected: "the date the document takes effect, such as 2020-05-01" },
  supersedes: {
    label: "上一版本",
    expected: "the id of the earlier version this one amends or replaces, such as 2020-04-10-shyshj",
  },
  license: { label: "許可", expected: "the licence or rights statement, as text" },
  conversion: {
    label: "轉換規則",
    expected: "script-conversion rules for this article (see docs/conversion.md)",
  },
} as const satisfies Record<string, FieldInfo>;

export type FieldName = keyof typeof FIELDS;

/** All field names, in the order the docs list them. */
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
