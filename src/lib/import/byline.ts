import { parseArticleDate } from "../article/dates.ts";

/**
 * The short lines around a copied article that carry its metadata: the site's
 * breadcrumb, the source/author/time line under the headline, the responsible
 * editor at the end. Sites word them in many ways (来源：, 來源:, 发布时间：,
 * 2020-03-04 07:41, 2020年3月4日), in either script.
 */

/** What a source/author/time line says. */
export interface Byline {
  source?: string;
  authors?: string[];
  /** A date for the front matter: YYYY-MM-DD, or YYYY-MM-DD HH:mm (China time). */
  date?: string;
  editor?: string;
}

/** The site and section named by a breadcrumb. */
export interface Breadcrumb {
  publisher?: string;
  section?: string;
}

type BylineField = keyof Byline | "ignore";

const LABELS: [BylineField, string[]][] = [
  [
    "source",
    ["信息来源", "信息來源", "文章来源", "文章來源", "新闻来源", "新聞來源", "来源", "來源", "稿源", "出处", "出處"],
  ],
  ["authors", ["作者", "记者", "記者", "撰稿", "撰文", "通讯员", "通訊員"]],
  [
    "date",
    [
      "发布时间",
      "發佈時間",
      "發布時間",
      "发布日期",
      "發佈日期",
      "發布日期",
      "发表时间",
      "發表時間",
      "更新时间",
      "更新時間",
      "成文日期",
      "发文日期",
      "發文日期",
      "时间",
      "時間",
      "日期",
    ],
  ],
  ["editor", ["责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯"]],
  [
    "ignore",
    [
      "浏览次数",
      "瀏覽次數",
      "阅读次数",
      "閱讀次數",
      "点击数",
      "點擊數",
      "点击",
      "點擊",
      "字号",
      "字號",
      "字体",
      "字體",
    ],
  ],
];

const LABEL_FIELD = new Map<string, BylineField>(
  LABELS.flatMap(([field, words]) => words.map((word) => [word, field] as const)),
);
const LABEL = new RegExp(
  `(${[...LABEL_FIELD.keys()].sort((a, b) => b.length - a.length).join("|")})\\s*[:：]\\s*`,
  "g",
);

/** A calendar day written with hyphens, slashes, dots or 年月日, and an optional time of day. */
const DATE =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s*|T)(\d{1,2})\s*[:：时時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?/g;

/** Separators and brackets that sites put between byline items. */
const FILLER = /^[\s|｜丨/\\·•【】[\]（）()<>《》,，;；。]+|[\s|｜丨/\\·•【】[\]（）()<>《》,，;；。]+$/g;

/** A byline is short; a long line with a date in it is a paragraph of the article. */
const MAX_BYLINE = 120;
/** Text in a byline that belongs to no label (字号 大 中 小, 打印). */
const MAX_UNLABELLED = 20;

/**
 * Reads a date as an article date: 2020-03-04, 2020/3/4, 2020.03.04 or 2020年3月4日,
 * optionally with a time (07:41, 07:41:00, 7时41分). Returns the front matter form
 * (2020-03-04 or 2020-03-04 07:41) or undefined for no date or an impossible one.
 */
export function parseDateText(text: string): string | undefined {
  DATE.lastIndex = 0;
  const match = DATE.exec(text);
  return match ? dateFromMatch(match) : undefined;
}

function dateFromMatch(match: RegExpExecArray): string | undefined {
  const [, year, month, day, hour, minute, second] = match;
  const pad = (value: string | undefined) => (value ?? "").padStart(2, "0");
  let text = `${year}-${pad(month)}-${pad(day)}`;
  if (hour !== undefined && minute !== undefined) text += ` ${pad(hour)}:${minute}${second ? `:${second}` : ""}`;
  return parseArticleDate(text) ? text : undefined;
}

/** Splits a list of names written with spaces, 、 or commas: 李全宏 王成 -> [李全宏, 王成]. */
export function splitNames(text: string): string[] {
  return text
    .split(/[\s、,，;；/]+/)
    .map((name) => name.replace(FILLER, "").replace(/^(?:本报|本報|新华社|新華社)?(?:记者|記者)/, ""))
    .filter((name) => name.length > 0);
}

/**
 * Reads a source/author/time line such as `來源：山西日報 作者：李全宏 2020年03月04日 07:41`.
 * Returns undefined when the line is not one: no label and no date, too long, or
 * too much text outside the labels (a sentence that mentions a date).
 */
export function parseByline(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE) return undefined;
  const labels = [...line.matchAll(LABEL)];
  DATE.lastIndex = 0;
  const dates = [...line.matchAll(DATE)];
  if (labels.length === 0 && dates.length === 0) return undefined;
  // Cut the line at every label and date; each label owns the text up to the next cut.
  const cuts = [...labels.map((m) => m.index), ...dates.map((m) => m.index), line.length].sort((a, b) => a - b);
  const nextCut = (after: number) => cuts.find((cut) => cut > after) ?? line.length;
  const byline: Byline = {};
  const covered = new Uint8Array(line.length);
  for (const label of labels) {
    const field = LABEL_FIELD.get(label[1] ?? "") ?? "ignore";
    const start = label.index + label[0].length;
    const end = nextCut(label.index);
    const value = line.slice(start, end).replace(FILLER, "");
    covered.fill(1, label.index, end);
    if (field === "ignore" || value === "") continue;
    if (field === "authors") byline.authors ??= splitNames(value);
    else if (field === "date") {
      const date = parseDateText(value);
      if (date) byline.date ??= date;
    } else byline[field] ??= value;
  }
  for (const date of dates) {
    covered.fill(1, date.index, date.index + date[0].length);
    const parsed = dateFromMatch(date);
    if (parsed) byline.date ??= parsed;
  }
  const unlabelled = line
    .split("")
    .filter((char, i) => !covered[i] && !/[\s|｜丨/\\·•【】[\]（）()<>《》,，;；。]/.test(char)).length;
  if (labels.length === 0 && !byline.date) return undefined;
  if (unlabelled > MAX_UNLABELLED + (labels.length === 0 ? 0 : 10)) return undefined;
  if (Object.values(byline).every((value) => value === undefined)) return labels.length > 0 ? {} : undefined;
  return byline;
}

const LOCATION_LABEL = /^.*?(?:当前位置|當前位置|的位置|所在位置|现在位置|現在位置|位置)\s*[:：]\s*/;
const CRUMB_SEPARATOR = /\s*(?:>>|»|›|→|＞＞|＞|>)\s*/;
const HOME = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|home|正文|正文内容|正文內容)$/i;

/**
 * Reads a breadcrumb such as `您當前的位置：太原新聞網（太原日報報業集團）>> 綜合新聞`: the
 * first step is the site, the last the section. A breadcrumb that starts at 首页
 * (home) does not name the site, so it gives the section only.
 * Returns undefined when the line is not a breadcrumb.
 */
export function parseBreadcrumb(line: string): Breadcrumb | undefined {
  const labelled = LOCATION_LABEL.test(line);
  const rest = line.replace(LOCATION_LABEL, "");
  const steps = rest.split(CRUMB_SEPARATOR).map((step) => step.trim());
  // Without a 位置 label, a line is a breadcrumb only if every step looks like a name: short, no sentence punctuation.
  const nameLike = (step: string) => step.length > 0 && step.length <= 30 && !/[，。；！？,;!?]/.test(step);
  if (!labelled && (steps.length < 2 || !steps.every(nameLike))) return undefined;
  const startsAtHome = HOME.test(steps[0] ?? "");
  const named = steps.filter((step) => step.length > 0 && !HOME.test(step));
  const section = named.at(-1);
  if (section === undefined) return {};
  if (startsAtHome || named.length === 1) return { section };
  return { publisher: named[0] ?? "", section };
}

const EDITOR_LINE = /^[（(【[]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*([^）)】\]]+?)\s*[）)】\]]?$/;
const EDITOR_TAIL = /\s*[（(【[]\s*(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*([^）)】\]]+?)\s*[）)】\]]$/;

/** Reads a responsible-editor line such as `（責編：田洲）` or `责任编辑：张三`; undefined when it is not one. */
export function parseEditorLine(line: string): string | undefined {
  return EDITOR_LINE.exec(line.trim())?.[1]?.trim() || undefined;
}

/**
 * Splits a responsible-editor note off the end of a paragraph (`…全面收官。（責編：田洲）`),
 * returning the paragraph without it and the editor, or undefined when there is none.
 */
export function splitEditorTail(paragraph: string): { text: string; editor: string } | undefined {
  const match = EDITOR_TAIL.exec(paragraph);
  if (!match || match.index === 0) return undefined;
  return { text: paragraph.slice(0, match.index), editor: (match[1] ?? "").trim() };
}
