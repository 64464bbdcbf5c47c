import type { ImportWarning } from "./draft.ts";
/**
 * Page widgets: the buttons and notices a careless selection takes along above and
 * below an article (like and share bars, 打印, 关闭窗口, 【字体：大 中 小】, 扫一扫,
 * copyright footers). This list is the one place to extend; docs/import.md shows it
 * as a table, and a test checks that the table and the list agree.
 * The responsible editor (责编) is not a widget: it is metadata, read by byline.ts.
 */

/** One kind of widget and the lines that show it. */
export interface PageWidget {
  /** What it is, as the docs and the import's messages name it. */
  what: string;
  /**
   * A line made only of these words (any of every widget's words, so that one line can
   * hold several widgets) with spaces, brackets, separators and counts between them.
   */
  words?: readonly string[];
  /** A line starting with one of these (after brackets), up to MAX_STARTING characters. */
  starts?: readonly string[];
  /** A line holding one of these anywhere, up to MAX_STARTING characters. */
  contains?: readonly string[];
}

export const PAGE_WIDGETS: readonly PageWidget[] = [
  { what: "like and vote buttons", words: ["+1", "点赞", "點讚", "點贊", "赞", "讚", "顶", "頂", "踩"] },
  {
    what: "share bar",
    words: [
      "分享到",
      "分享至",
      "分享",
      "转发",
      "轉發",
      "微信",
      "朋友圈",
      "微博",
      "新浪微博",
      "腾讯微博",
      "騰訊微博",
      "QQ空间",
      "QQ空間",
      "QQ好友",
      "QQ",
      "豆瓣",
      "人人网",
      "人人網",
      "复制链接",
      "複製鏈接",
      "Facebook",
      "Twitter",
    ],
  },
  {
    what: "print, close and bookmark links",
    words: [
      "打印本页",
      "打印本頁",
      "打印此页",
      "打印此頁",
      "打印",
      "列印",
      "关闭窗口",
      "關閉窗口",
      "关闭本页",
      "關閉本頁",
      "关闭",
      "關閉",
      "加入收藏",
      "收藏本页",
      "收藏本頁",
      "收藏",
      "返回顶部",
      "返回頂部",
      "返回",
      "纠错",
      "糾錯",
    ],
  },
  {
    what: "font size switch",
    words: ["字体", "字體", "字号", "字號", "大中小", "默认", "默認", "放大", "缩小", "縮小"],
  },
  {
    what: "QR code to open on a phone",
    starts: ["扫一扫", "掃一掃", "扫描二维码", "掃描二維碼", "微信扫一扫", "微信掃一掃", "手机扫一扫", "手機掃一掃"],
  },
  {
    what: "copyright and site footer",
    starts: [
      "版权所有",
      "版權所有",
      "版权声明",
      "版權聲明",
      "Copyright",
      "©",
      "主办单位",
      "主辦單位",
      "主办：",
      "主辦：",
      "网站标识码",
      "網站標識碼",
      "未经授权禁止",
      "未經授權禁止",
      "未经授权不得",
      "未經授權不得",
      "转载请注明",
      "轉載請註明",
    ],
    contains: ["ICP备", "ICP證", "ICP证", "公网安备", "公網安備"],
  },
];

/** A footer or QR-code line is short; a longer one is article text that happens to start alike. */
export const MAX_STARTING = 100;

/** Brackets and separators around widget words. Digits are not among them: a date line is never a widget. */
const SEPARATORS = /[\s【】[\]（）()「」<>《》|｜丨/\\·•・:：,，、;；.。\-—–_~]/g;

const allWords = PAGE_WIDGETS.flatMap((widget) => (widget.words ?? []).map((word) => ({ word, widget })));
const wordOwner = new Map(allWords.map(({ word, widget }) => [word.toLowerCase(), widget]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORDS = new RegExp(
  [...wordOwner.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|"),
  "gi",
);
const LEADING = /^[\s【[（(「<《|｜丨]+/;

/**
 * The widgets a line of a copy shows, when the line is page furniture and nothing
 * else; an empty list for a line of the article.
 */
export function pageWidgetsOf(line: string): PageWidget[] {
  const text = line.replace(/\s+/g, "");
  if (text === "") return [];
  const found = new Set<PageWidget>();
  const rest = text.replace(WORDS, (word) => {
    const widget = wordOwner.get(word.toLowerCase());
    if (widget) found.add(widget);
    return "";
  });
  if (found.size > 0 && rest.replace(SEPARATORS, "") === "") return [...found];
  // A footer is one short statement; a longer line, or one of several sentences, is article text.
  if ([...line].length > MAX_STARTING || /[。！？][^。！？]/.test(line.trim())) return [];
  const opening = line.trim().replace(LEADING, "").toLowerCase();
  return PAGE_WIDGETS.filter(
    (widget) =>
      widget.starts?.some((start) => opening.startsWith(start.toLowerCase())) ||
      widget.contains?.some((part) => line.includes(part)),
  );
}

/** The warning for a line left out as a page widget. */
export function widgetMessage(line: string, widgets: readonly PageWidget[]): string {
  return `left out «${line}»: page furniture (${widgets.map((widget) => widget.what).join(", ")}), not the article`;
}

/** Reports a line (its 1-based number and cleaned text) when it is a page widget; returns whether it is one. */
export function dropWidget(line: { number: number; text: string }, warnings: ImportWarning[]): boolean {
  const widgets = pageWidgetsOf(line.text);
  if (widgets.length === 0) return false;
  warnings.push({ line: line.number, message: widgetMessage(line.text, widgets) });
  return true;
}
