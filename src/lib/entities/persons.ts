import { jiebaDictionary } from "../script/lexicon.ts";

/**
 * Titles and roles a person's full name follows in news text (国家主席习近平, 匈牙利总统
 * 舒尤克, 习近平夫人彭丽媛); a word ending in one of them counts (国务院副总理, 党组书记).
 * 会见/会晤 and their like also introduce a name (会见卢拉).
 */
export const PERSON_TITLES = [
  "总书记",
  "署长",
  "司长",
  "行长",
  "社长",
  "团长",
  "队长",
  "台长",
  "馆长",
  "州长",
  "军长",
  "舰长",
  "组长",
  "科长",
  "总干事",
  "干事",
  "主任委员",
  "常委",
  "成员",
  "董事",
  "理事",
  "秘书",
  "部长助理",
  "局长助理",
  "村民",
  "居民",
  "农民",
  "工人",
  "医生",
  "教师",
  "老师",
  "学生",
  "工程师",
  "技术员",
  "船长",
  "机长",
  "运动员",
  "选手",
  "演员",
  "作家",
  "画家",
  "科学家",
  "学家",
  "专家",
  "总指挥",
  "总设计师",
  "指挥员",
  "战士",
  "烈士",
  "主席",
  "总理",
  "书记",
  "委员长",
  "委员",
  "部长",
  "主任",
  "省长",
  "市长",
  "县长",
  "区长",
  "镇长",
  "村长",
  "校长",
  "院长",
  "局长",
  "厅长",
  "处长",
  "司令员",
  "政委",
  "大使",
  "公使",
  "领事",
  "记者",
  "教授",
  "研究员",
  "院士",
  "董事长",
  "总经理",
  "理事长",
  "会长",
  "秘书长",
  "检察长",
  "庭长",
  "所长",
  "主持人",
  "总裁",
  "总统",
  "首相",
  "国王",
  "女王",
  "王储",
  "亲王",
  "外长",
  "防长",
  "议长",
  "总督",
  "特使",
  "发言人",
  "夫人",
  "领导人",
  "创始人",
  "负责人",
  "代表",
  "会见",
  "会晤",
  "接见",
  "同志",
  "专员",
  "协调员",
  "执行官",
  "学者",
  "候选人",
  "传承人",
  "带头人",
  "合伙人",
  "志愿者",
  "船东",
  "船主",
  "店主",
  "摊主",
  "场主",
  "户主",
  "将军",
];

/**
 * Endings of roles beyond the list (飞行员, 指挥官, 设计师, 企业家): a noun
 * of two characters or more ending in one of them introduces a name like a title.
 */
const ROLE_ENDINGS = /(?:[员官师]|..家)$/u;

const TITLES = new Set(PERSON_TITLES);
/** The lengths of the titles, longest first, so a title is looked up in a few steps. */
const TITLE_LENGTHS = [...new Set(PERSON_TITLES.map((title) => title.length))].sort((a, b) => b - a);

/** The longest title a word ends with (书记 in 省委书记), if any. */
export function titleEnding(word: string): string | undefined {
  for (const length of TITLE_LENGTHS) {
    if (length <= word.length && TITLES.has(word.slice(-length))) return word.slice(-length);
  }
  return undefined;
}

/** Whether a title starts at this position of the text. */
export function titleAt(text: string, at: number): boolean {
  return TITLE_LENGTHS.some((length) => TITLES.has(text.slice(at, at + length)));
}

/** Whether a word is a title or a role a person's name follows (国家主席, 首席执行官, 飞行员). */
export function isPersonTitle(word: string, tag = ""): boolean {
  if (titleEnding(word) !== undefined) return true;
  return word.length >= 2 && /^n$/.test(tag) && ROLE_ENDINGS.test(word);
}

/** Single characters that end a name rather than belong to it: verbs, prepositions, particles. */
const STOP = new Set(
  "的在和与同及暨表说举出访致会等并是也作称当率现对向将就为时了于从到把被给让由以而或且都又还再已曾将要能可应共受互不一两二三四五六七八九十百千万年月日号时分上下中外前后们我你他她它这那个些每各其此该本今昨首次".split(
    "",
  ),
);

/** Common Chinese surnames, two-character ones first (欧阳, 司马). */
const SURNAMES_TWO =
  "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 呼延 万俟".split(" ");
const SURNAMES_ONE = new Set(
  "习訚咸王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪傅萧赖阎单丘郦钮庹".split(
    "",
  ),
);

/**
 * Common Japanese surnames (岸田, 石破, 浅川), written in characters that spell no sounds:
 * read like a Chinese two-character surname. Those that are also common words or Chinese
 * places (田中 "in the field", 中山, 松下 "under the pines") are left out.
 */
const JAPANESE_SURNAMES = new Set(
  "佐藤 铃木 高桥 渡边 伊藤 山本 小林 加藤 吉田 佐佐木 山崎 井上 木村 清水 山下 石川 斋藤 桥本 阿部 森田 冈田 后藤 长谷川 石井 村上 近藤 坂本 远藤 青木 藤井 西村 福田 太田 三浦 藤原 冈本 松田 中川 中野 原田 小野 竹内 中岛 石田 上田 森本 柴田 酒井 工藤 横山 宫崎 宫本 内田 高木 安藤 岛田 谷口 高田 丸山 今井 河野 藤田 村田 武田 菅原 千叶 岩崎 野口 松井 岸田 石破 安倍 麻生 浅川 茂木 植田 黑田 野田 鸠山 小泉 细川 二阶 玉木 枝野 志位 松野 上川 滨田 木原 中谷 岩屋 赤泽".split(
    " ",
  ),
);

/** The lengths of the surnames a text may start with, longest first (2 for 岸田, then 1 for 岸). */
export function surnameLengths(text: string): number[] {
  const japanese = [text.slice(0, 3), text.slice(0, 2)].find((prefix) => JAPANESE_SURNAMES.has(prefix));
  const chinese = surnameLength(text);
  return [...(japanese ? [japanese.length] : []), ...(chinese > 0 ? [chinese] : [])];
}

/** The length of the Chinese surname a text starts with (2 for 欧阳, 1 for 王), 0 when none. */
export function surnameLength(text: string): number {
  if (SURNAMES_TWO.some((s) => text.startsWith(s))) return 2;
  return SURNAMES_ONE.has(text.charAt(0)) ? 1 : 0;
}

let transliteration: Set<string> | undefined;

/**
 * Characters that spell foreign names in Chinese (舒, 尤, 克; 欧, 尔, 班): those of
 * jieba's transliterated names (tag nrt) that occur in two or more of them, less the
 * characters that end a name.
 */
export function transliterationChars(): ReadonlySet<string> {
  if (transliteration) return transliteration;
  const counts = new Map<string, number>();
  for (const [word, tag] of jiebaDictionary().tags) {
    if (tag !== "nrt") continue;
    for (const char of word) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  transliteration = new Set([...counts].filter(([char, n]) => n >= 2 && !STOP.has(char)).map(([char]) => char));
  return transliteration;
}

/** Whether a character can end a name: it is one of the characters a name never takes. */
export function isStopChar(char: string): boolean {
  return STOP.has(char);
}
