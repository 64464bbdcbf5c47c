import type { Script } from "../lib/article/schema.ts";

/** Interface strings, one table per script. Article text is never looked up here. */
const STRINGS = {
  hans: {
    scriptName: "简体",
    otherScriptLink: "繁體",
    switchLabel: "切换为繁体中文",
    latest: "最新文章",
    noArticles: "档案中还没有文章。",
    skipToContent: "跳到正文",
    kicker: "引题",
    title: "主题",
    subtitle: "副题",
    metadata: "文章信息",
    source: "来源",
    publisher: "网站",
    section: "栏目",
    authors: "作者",
    editor: "责任编辑",
    date: "发布时间",
    captured: "采集日期",
    documentNumber: "发文字号",
    issuers: "发文机关",
    documentType: "公文种类",
    status: "效力状态",
    effective: "施行日期",
    license: "许可",
    topics: "主题词",
    persons: "人物",
    places: "地点",
    original: "原文链接",
    originalScript: "原文",
    status_in_force: "现行有效",
    status_amended: "已修改",
    status_repealed: "已废止",
    home: "首页",
    notFoundTitle: "找不到该页面",
    notFoundText: "您要找的页面不存在或已移动。",
    backHome: "返回首页",
    chooseScript: "请选择字体",
    convertedNote: "本页由繁体原文经机器转换为简体，个别用字可能有误。",
    readOriginal: "阅读繁体原文",
    browse: "浏览",
    browseTitle: "浏览档案",
    byDate: "按日期",
    allYears: "全部年份",
    articlesUnit: "篇",
    inDateOrder: "按发布时间先后排列",
    byCount: "按文章数排列",
    previousPage: "上一页",
    nextPage: "下一页",
    pagination: "分页",
    pageNumber: "第{n}页",
    previousArticle: "上一篇",
    nextArticle: "下一篇",
    related: "相关文章",
    citesDocuments: "本文引用的文件",
    citedByArticles: "引用本文件的文章",
    browseLinks: "相关浏览",
    cite: "引用本文",
    citeGbt: "GB/T 7714-2015",
    citeChicago: "Chicago（英文）",
    citeDownload: "下载引文",
    markdownSource: "Markdown 原文件",
    permalink: "永久链接",
    feed: "订阅（RSS）",
    data: "数据下载",
    dataJson: "全部元数据（JSON）",
    dataCsv: "全部元数据（CSV，适用于 Excel）",
    dataJsonl: "全部全文（JSONL）",
  },
  hant: {
    scriptName: "繁體",
    otherScriptLink: "简体",
    switchLabel: "切換為簡體中文",
    latest: "最新文章",
    noArticles: "檔案中還沒有文章。",
    skipToContent: "跳到正文",
    kicker: "引題",
    title: "主題",
    subtitle: "副題",
    metadata: "文章資訊",
    source: "來源",
    publisher: "網站",
    section: "欄目",
    authors: "作者",
    editor: "責任編輯",
    date: "發佈時間",
    captured: "採集日期",
    documentNumber: "發文字號",
    issuers: "發文機關",
    documentType: "公文種類",
    status: "效力狀態",
    effective: "施行日期",
    license: "許可",
    topics: "主題詞",
    persons: "人物",
    places: "地點",
    original: "原文鏈接",
    originalScript: "原文",
    status_in_force: "現行有效",
    status_amended: "已修改",
    status_repealed: "已廢止",
    home: "首頁",
    notFoundTitle: "找不到該頁面",
    notFoundText: "您要找的頁面不存在或已移動。",
    backHome: "返回首頁",
    chooseScript: "請選擇字體",
    convertedNote: "本頁由簡體原文經機器轉換為繁體，個別用字可能有誤。",
    readOriginal: "閱讀簡體原文",
    browse: "瀏覽",
    browseTitle: "瀏覽檔案",
    byDate: "按日期",
    allYears: "全部年份",
    articlesUnit: "篇",
    inDateOrder: "按發佈時間先後排列",
    byCount: "按文章數排列",
    previousPage: "上一頁",
    nextPage: "下一頁",
    pagination: "分頁",
    pageNumber: "第{n}頁",
    previousArticle: "上一篇",
    nextArticle: "下一篇",
    related: "相關文章",
    citesDocuments: "本文引用的文件",
    citedByArticles: "引用本文件的文章",
    browseLinks: "相關瀏覽",
    cite: "引用本文",
    citeGbt: "GB/T 7714-2015",
    citeChicago: "Chicago（英文）",
    citeDownload: "下載引文",
    markdownSource: "Markdown 原文件",
    permalink: "永久鏈接",
    feed: "訂閱（RSS）",
    data: "數據下載",
    dataJson: "全部元數據（JSON）",
    dataCsv: "全部元數據（CSV，適用於 Excel）",
    dataJsonl: "全部全文（JSONL）",
  },
} as const satisfies Record<Script, Record<string, string>>;

/** The key of an interface string. */
export type StringKey = keyof (typeof STRINGS)["hans"];

/** The interface strings for one script. */
export function strings(script: Script): Record<StringKey, string> {
  return STRINGS[script];
}

/** The two scripts, in the order the switch lists them. */
export const SCRIPTS: readonly Script[] = ["hans", "hant"];

/** BCP 47 tag for a script, as used in `lang` and `hreflang`. */
export function langTag(script: Script): string {
  return script === "hans" ? "zh-Hans" : "zh-Hant";
}

/** The URL path segment of a script. */
export function scriptSegment(script: Script): string {
  return script === "hans" ? "zh-hans" : "zh-hant";
}

/** The script for a URL path segment, or undefined when it is not one. */
export function scriptFromSegment(segment: string | undefined): Script | undefined {
  if (segment === "zh-hans") return "hans";
  if (segment === "zh-hant") return "hant";
  return undefined;
}

/** The other script. */
export function otherScript(script: Script): Script {
  return script === "hans" ? "hant" : "hans";
}
