import type { ConversionRules } from "../article/schema.ts";

/** A group of built-in fixes and the reason they exist (shown in the ambiguity report). */
export interface BuiltinGroup {
  why: string;
  rules: ConversionRules;
  /** The group's rules do not fire right after a character this matches. */
  notAfter?: RegExp;
}

/**
 * Titles that follow a surname in news text ("于书记", "余主任"), with their Traditional
 * spelling. Only titles of two or more characters: 于老/于总 would also match
 * 用于老旧小区 and 适用于总体规划, where 于 is the preposition.
 */
const TITLES: readonly (readonly [string, string])[] = [
  ["书记", "書記"],
  ["副书记", "副書記"],
  ["主任", "主任"],
  ["副主任", "副主任"],
  ["主席", "主席"],
  ["委员", "委員"],
  ["部长", "部長"],
  ["厅长", "廳長"],
  ["局长", "局長"],
  ["处长", "處長"],
  ["科长", "科長"],
  ["省长", "省長"],
  ["市长", "市長"],
  ["县长", "縣長"],
  ["区长", "區長"],
  ["镇长", "鎮長"],
  ["乡长", "鄉長"],
  ["村长", "村長"],
  ["院士", "院士"],
  ["教授", "教授"],
  ["老师", "老師"],
  ["校长", "校長"],
  ["院长", "院長"],
  ["所长", "所長"],
  ["经理", "經理"],
  ["总经理", "總經理"],
  ["董事长", "董事長"],
  ["厂长", "廠長"],
  ["队长", "隊長"],
  ["站长", "站長"],
  ["医生", "醫生"],
  ["大夫", "大夫"],
  ["警官", "警官"],
  ["师傅", "師傅"],
  ["先生", "先生"],
  ["女士", "女士"],
  ["同志", "同志"],
  ["大爷", "大爺"],
  ["大妈", "大媽"],
  ["大姐", "大姐"],
  ["大哥", "大哥"],
  ["阿姨", "阿姨"],
];

/**
 * People surnamed 于 or 余 whom OpenCC's phrase table does not know, so it writes 於/餘.
 * (It already knows 于丹, 于敏, 于谦, 于右任, 余光中, 余英时 and others.) Only names whose
 * given name is not an everyday word: a rule for 于文明 would also fire in 致力于文明建设.
 */
const NAMES: readonly (readonly [string, string])[] = [
  ["于漪", "于漪"],
  ["于吉红", "于吉紅"],
  ["于旭波", "于旭波"],
  ["于和伟", "于和偉"],
  ["于伟国", "于偉國"],
  ["余秋雨", "余秋雨"],
  ["余华", "余華"],
  ["余承东", "余承東"],
  ["余艳红", "余豔紅"],
  ["余剑锋", "余劍鋒"],
  ["余欣荣", "余欣榮"],
];

const pairs = (list: readonly (readonly [string, string])[]): { hans: string; hant: string }[] =>
  list.map(([hans, hant]) => ({ hans, hant }));

/** Numerals before 余 make it "more than" (三十余, 300余), never a surname. */
const AFTER_NUMBER = /[0-9０-９〇零一二三四五六七八九十百千万亿两几]/;

/**
 * Fixes shipped with the project: the weakest layer, under content/conversion.yaml and
 * front matter. Each pair was checked against Taiwan-standard usage; the golden set in
 * tests/unit/script/golden.yaml shows what each one repairs.
 */
export const BUILTIN_RULES: readonly BuiltinGroup[] = [
  {
    why: "新征程/新征途 (the new journey) keep 征 as in 长征; OpenCC reads 新征 as a word (新徵, a new levy)",
    rules: {
      pairs: [
        { hans: "新征程", hant: "新征程" },
        { hans: "新征途", hant: "新征途" },
      ],
    },
  },
  {
    why: "surname 于 in a person's name; OpenCC writes 於",
    rules: { pairs: pairs(NAMES.filter(([hans]) => hans.startsWith("于"))) },
  },
  {
    why: "surname 余 in a person's name; OpenCC writes 餘",
    rules: { pairs: pairs(NAMES.filter(([hans]) => hans.startsWith("余"))) },
    notAfter: AFTER_NUMBER,
  },
  {
    why: "surname 于 before a title (于书记); OpenCC writes 於",
    rules: { pairs: TITLES.map(([hans, hant]) => ({ hans: `于${hans}`, hant: `于${hant}` })) },
  },
  {
    why: "surname 余 before a title (余主任); OpenCC writes 餘",
    rules: { pairs: TITLES.map(([hans, hant]) => ({ hans: `余${hans}`, hant: `余${hant}` })) },
    notAfter: AFTER_NUMBER,
  },
  {
    why: "surname 干 (干宝, author of 搜神记); OpenCC writes 幹",
    rules: { pairs: [{ hans: "干宝", hant: "干寶" }] },
  },
  {
    why: "OpenCC phrase-table mistakes found in the news corpus (cn→tw): a word read across a word boundary",
    rules: {
      pairs: [
        // OpenCC's own phrase 免签 writes 籤 (a lot); visa-free is 免簽 (簽證).
        { hans: "免签", hant: "免簽" },
        // 中央广播电视总台 is a broadcaster (臺), not a front desk (檯).
        { hans: "总台", hant: "總臺" },
        // 伟大斗争: 大斗 (a big measure) swallowed 斗 of 斗争.
        { hans: "大斗争", hant: "大鬥爭" },
        // 维护发展 / 保护发生 / 内生发展 / 秘书长发言人: 护发, 生发, 长发 are hair words.
        { hans: "护发展", hant: "護發展" },
        { hans: "护发生", hant: "護發生" },
        { hans: "生发展", hant: "生發展" },
        { hans: "长发言", hant: "長發言" },
        { hans: "握发展", hant: "握發展" },
        { hans: "华发展", hant: "華發展" },
        { hans: "头发展", hant: "頭發展" },
        { hans: "断发展", hant: "斷發展" },
        // 指明了方向: 明了 (clear, 明瞭) swallowed the particle 了.
        { hans: "指明了", hant: "指明了" },
        { hans: "阐明了", hant: "闡明了" },
        { hans: "查明了", hant: "查明了" },
        { hans: "标明了", hant: "標明了" },
        { hans: "讲明了", hant: "講明了" },
        { hans: "写明了", hant: "寫明了" },
        { hans: "点明了", hant: "點明了" },
        { hans: "声明了", hant: "聲明了" },
        { hans: "申明了", hant: "申明了" },
        { hans: "挑明了", hant: "挑明了" },
        { hans: "亮明了", hant: "亮明了" },
        // 多年历史 / 中国历代: 年历, 国历 are calendar words (曆).
        { hans: "年历史", hant: "年歷史" },
        { hans: "日历史", hant: "日歷史" },
        { hans: "月历史", hant: "月歷史" },
        { hans: "阳历史", hant: "陽歷史" },
        { hans: "阴历史", hant: "陰歷史" },
        { hans: "长历史", hant: "長歷史" },
        { hans: "通历史", hant: "通歷史" },
        { hans: "国历史", hant: "國歷史" },
        { hans: "国历代", hant: "國歷代" },
        // 粮食面积 / 玉米面积: 食面, 米面 are flour words (麵).
        { hans: "食面积", hant: "食面積" },
        { hans: "米面积", hant: "米面積" },
        // 好干部 / 健全干部: 好干, 全干 read as 乾.
        { hans: "好干部", hant: "好幹部" },
        { hans: "全干部", hant: "全幹部" },
        // 路上复杂 / 海上复杂: 上复 read as 上覆.
        { hans: "上复杂", hant: "上複雜" },
        // 马表 (stopwatch) after a name ending in 马: 姆拜尼马拉马表示.
        { hans: "马表示", hant: "馬表示" },
        { hans: "看表演", hant: "看表演" },
        // 唯一出路, 第一出口: 一出 (a play) is 一齣 only before a play.
        { hans: "一出路", hant: "一出路" },
        { hans: "一出口", hant: "一出口" },
        // 金砖国家伙伴, 其他国家具有: 家伙 (a guy), 家具 (furniture).
        { hans: "家伙伴", hant: "家夥伴" },
        { hans: "家具有", hant: "家具有" },
        { hans: "家具有限", hant: "傢俱有限" },
        // 保障好困难群众, 关爱困境儿童: 好困, 爱困 (sleepy, 睏).
        { hans: "好困难", hant: "好困難" },
        { hans: "爱困难", hant: "愛困難" },
        { hans: "爱困境", hant: "愛困境" },
        // 香港回归 is 回歸; 迴歸 is for the tropic and statistics.
        { hans: "回归", hant: "回歸" },
        { hans: "回归线", hant: "迴歸線" },
        { hans: "回归分析", hant: "迴歸分析" },
        { hans: "对标对表", hant: "對標對表" },
        { hans: "月背", hant: "月背" },
        { hans: "塔什库尔干", hant: "塔什庫爾干" },
      ],
    },
  },
  {
    why: "并称, 并用 starting a clause are 'and said', 'and used' (並), not the words 'named together', 'used together' (併)",
    rules: {
      pairs: [
        { hans: "，并称", hant: "，並稱" },
        { hans: "；并称", hant: "；並稱" },
        { hans: "，并用", hant: "，並用" },
        { hans: "；并用", hant: "；並用" },
      ],
    },
  },
  {
    why: "OpenCC phrase-table mistakes found by converting the news corpus back (tw→cn)",
    rules: {
      pairs: [
        // 對於單位, 位於倫敦: OpenCC knows the names 於單 and 於倫 and keeps 於.
        { hans: "于单", hant: "於單" },
        { hans: "于伦", hant: "於倫" },
        { hans: "于其一", hant: "於其一" },
        // 著 stays 著 in 原著, 卓著, 土著; in 發揮著作用 it is the particle 着, not 著作.
        { hans: "原著", hant: "原著" },
        { hans: "卓著", hant: "卓著" },
        { hans: "土著", hant: "土著" },
        { hans: "专著", hant: "專著" },
        { hans: "论著", hant: "論著" },
        { hans: "编著", hant: "編著" },
        { hans: "着作用", hant: "著作用" },
        { hans: "彰显着", hant: "彰顯著" },
        // Taiwan's usual spelling is converted back to the mainland standard one.
        { hans: "坐标", hant: "座標" },
        { hans: "想象", hant: "想像" },
        { hans: "熏陶", hant: "薰陶" },
        { hans: "王丙乾", hant: "王丙乾" },
      ],
    },
  },
];
