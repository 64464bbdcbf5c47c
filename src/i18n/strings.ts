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
