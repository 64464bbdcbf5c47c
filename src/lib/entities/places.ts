import { placesFile } from "./places-data.ts";
import type { PlaceInfo } from "./types.ts";

/** The 56 nationalities, as they appear in the names of autonomous prefectures (延边朝鲜族自治州). */
const NATIONALITIES =
  "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺".split(
    " ",
  );
const NATIONALITY = new RegExp(`(?:${[...NATIONALITIES].sort((a, b) => b.length - a.length).join("|")})族$`);

/**
 * Short forms of prefectures that are far more often ordinary words or other names in news
 * text (安康 "well-being", 大庆 "celebration", 阿里 Alibaba, 德州 Texas, 巴中 "Pakistan–China"): their
 * full forms still count.
 */
const AMBIGUOUS_SHORT = new Set(
  "安康 白银 朝阳 大同 长治 来宾 阿里 玉树 中卫 大庆 开封 四平 海东 海西 海北 乌海 山南 德州 兴安 攀枝花 吉安 三明 金华 南平 白城 白山 通化 北海 定西 和田 巴中".split(
    " ",
  ),
);

/**
 * Country names that read as something else in Chinese news: 中非 is far more often
 * "China-Africa" (中非合作) than the Central African Republic.
 */
const AMBIGUOUS_COUNTRIES = new Set(["中非", "多米尼克", "根西", "泽西", "奥兰", "留尼汪"]);

/** Divisions whose names are common words (城区 "urban area", 郊区 "suburbs"): never taken alone. */
const GENERIC_DIVISIONS = new Set(["城区", "郊区", "矿区"]);

/** Words jieba tags as places that name no place: a religion, a soil, a landform, an ideology, a building, a verb. */
export const NOT_PLACES: ReadonlySet<string> = new Set(["伊斯兰", "黑土地", "喀斯特", "法西斯", "白宫", "关联"]);

/** Other names of countries, to the name the country data uses. */
const COUNTRY_ALIASES: Record<string, string> = {
  中华人民共和国: "中国",
  美利坚合众国: "美国",
  俄罗斯联邦: "俄罗斯",
  沙特: "沙特阿拉伯",
  印度尼西亚: "印尼",
  阿拉伯联合酋长国: "阿联酋",
  波斯尼亚和黑塞哥维那: "波黑",
  大韩民国: "韩国",
  朝鲜民主主义人民共和国: "朝鲜",
  老挝人民民主共和国: "老挝",
  越南社会主义共和国: "越南",
  刚果民主共和国: "刚果（金）",
  刚果共和国: "刚果（布）",
  埃斯瓦蒂尼: "斯威士兰",
  土耳其共和国: "土耳其",
  新中国: "中国",
  蒙古国: "蒙古",
};

/** Continents and regions of the world written in news text. */
const REGIONS =
  "亚洲 欧洲 非洲 北美洲 南美洲 拉丁美洲 拉美 大洋洲 中东 东南亚 中亚 南亚 西亚 东亚 东北亚 北非 东非 西非 中东欧 加勒比 亚太 欧亚 太平洋 大西洋 印度洋 北冰洋 北极 南极 南太平洋 巴尔干 撒哈拉 阿拉伯半岛".split(
    " ",
  );

/**
 * Named geographic places of China: rivers, lakes, mountains, seas, plateaus, and the
 * planned areas and city clusters national policy names.
 */
const FEATURES =
  "长江 黄河 珠江 淮河 海河 辽河 松花江 雅鲁藏布江 澜沧江 怒江 金沙江 嘉陵江 汉江 湘江 赣江 闽江 钱塘江 漓江 大运河 京杭大运河 太湖 洞庭湖 鄱阳湖 青海湖 巢湖 洱海 滇池 西湖 渤海 黄海 东海 南海 台湾海峡 琼州海峡 南海诸岛 钓鱼岛 朝鲜半岛 加沙地带 约旦河西岸 欧元区 大湄公河次区域 中南半岛 克里米亚 顿巴斯 红海 地中海 波罗的海 黑海 里海 苏伊士运河 巴拿马运河 马六甲海峡 霍尔木兹海峡 亚马孙 青藏高原 黄土高原 云贵高原 内蒙古高原 四川盆地 塔里木盆地 准噶尔盆地 柴达木盆地 华北平原 东北平原 长江中下游平原 塔克拉玛干沙漠 秦岭 大兴安岭 小兴安岭 长白山 泰山 黄山 华山 峨眉山 庐山 武夷山 五台山 天山 昆仑山 祁连山 太行山 阴山 喜马拉雅山 珠穆朗玛峰 珠峰 三江源 三峡 河西走廊 雄安新区 浦东新区 滨海新区 两江新区 南沙新区 西咸新区 贵安新区 天府新区 横琴 前海 粤港澳大湾区 大湾区 长三角 长江三角洲 珠三角 珠江三角洲 京津冀 成渝 成渝地区双城经济圈 长江经济带 黄河流域 海南自由贸易港 东北地区 西部地区 中部地区 东部地区 华北 华东 华南 华中 西南 西北 东北三省".split(
    " ",
  );

/** Capitals and large cities abroad that news text names without a country before them. */
const WORLD_CITIES =
  "东京 大阪 首尔 釜山 平壤 乌兰巴托 河内 胡志明市 万象 金边 曼谷 仰光 内比都 吉隆坡 新加坡 雅加达 马尼拉 斯里巴加湾市 帝力 新德里 孟买 伊斯兰堡 卡拉奇 达卡 加德满都 科伦坡 马累 喀布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼 耶路撒冷 特拉维夫 利雅得 吉达 多哈 迪拜 阿布扎比 马斯喀特 萨那 科威特城 麦纳麦 安卡拉 伊斯坦布尔 阿斯塔纳 阿拉木图 塔什干 比什凯克 杜尚别 阿什哈巴德 巴库 第比利斯 埃里温 莫斯科 圣彼得堡 明斯克 基辅 敖德萨 哈尔科夫 华沙 布拉格 布拉迪斯拉发 布达佩斯 维也纳 柏林 汉堡 慕尼黑 法兰克福 巴黎 马赛 伦敦 曼彻斯特 爱丁堡 都柏林 布鲁塞尔 阿姆斯特丹 海牙 卢森堡 伯尔尼 日内瓦 苏黎世 达沃斯 罗马 米兰 威尼斯 梵蒂冈 马德里 巴塞罗那 里斯本 雅典 贝尔格莱德 萨格勒布 卢布尔雅那 萨拉热窝 地拉那 斯科普里 索非亚 布加勒斯特 基希讷乌 维尔纽斯 里加 塔林 赫尔辛基 斯德哥尔摩 奥斯陆 哥本哈根 雷克雅未克 华盛顿 纽约 洛杉矶 旧金山 芝加哥 休斯敦 西雅图 波士顿 费城 迈阿密 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 巴拿马城 波哥大 加拉加斯 基多 利马 拉巴斯 圣地亚哥 布宜诺斯艾利斯 蒙得维的亚 亚松森 巴西利亚 里约热内卢 圣保罗 开罗 亚历山大 的黎波里 突尼斯 阿尔及尔 拉巴特 卡萨布兰卡 喀土穆 亚的斯亚贝巴 内罗毕 达累斯萨拉姆 坎帕拉 基加利 金沙萨 布拉柴维尔 罗安达 卢萨卡 哈拉雷 马普托 比勒陀利亚 开普敦 约翰内斯堡 阿布贾 拉各斯 阿克拉 达喀尔 阿比让 雅温得 利伯维尔 吉布提 摩加迪沙 阿斯马拉 塔那那利佛 堪培拉 悉尼 墨尔本 惠灵顿 奥克兰 苏瓦 莫尔兹比港 火奴鲁鲁".split(
    " ",
  );

/** The province-level key of a short form: 山西 → 山西省, 广西 → 广西壮族自治区, 北京 → 北京市. */
function provinceShort(name: string): string | undefined {
  const short = name.replace(/(特别行政区|自治区|省|市)$/, "").replace(/(壮族|回族|维吾尔)$/, "");
  return short.length >= 2 && short !== name ? short : undefined;
}

/** The short form of a prefecture: 太原市 → 太原, 延边朝鲜族自治州 → 延边, 锡林郭勒盟 → 锡林郭勒. */
function prefectureShort(name: string): string | undefined {
  let short = name.replace(/(市|地区|盟|自治州)$/, "");
  if (name.endsWith("自治州")) while (NATIONALITY.test(short)) short = short.replace(NATIONALITY, "");
  return short.length >= 2 && short !== name && !AMBIGUOUS_SHORT.has(short) ? short : undefined;
}

/** The short form of a county, taken only right after its province or prefecture (山西河津). */
function countyShort(name: string): string | undefined {
  const short = name.replace(/(自治县|自治旗|县|区|市|旗)$/, "");
  if (name.endsWith("自治县") || name.endsWith("自治旗")) return undefined;
  return short.length >= 2 && short !== name ? short : undefined;
}

/** What the finder knows of places: every form it takes, to its key. */
export interface PlaceGazetteer {
  /** Any written form (full or short) → the place. */
  forms: ReadonlyMap<string, PlaceInfo>;
  /** County short forms → the county, taken only after the county's province or prefecture. */
  countyShortForms: ReadonlyMap<string, PlaceInfo[]>;
  /** Every place by key. */
  places: ReadonlyMap<string, PlaceInfo>;
}

let cached: PlaceGazetteer | undefined;

/** The place gazetteer built from the generated division and country data, once per process. */
export function placeGazetteer(): PlaceGazetteer {
  if (cached) return cached;
  const { divisions, countries } = placesFile();
  const byCode = new Map(divisions);
  const places = new Map<string, PlaceInfo>();
  const forms = new Map<string, PlaceInfo>();
  const countyShortForms = new Map<string, PlaceInfo[]>();
  const ambiguous = new Set<string>();
  const fullNames = new Map<string, number>();
  for (const [, name] of divisions) fullNames.set(name, (fullNames.get(name) ?? 0) + 1);

  const parentOf = (code: string): string | undefined => {
    for (let up = code.slice(0, -2); up.length >= 2; up = up.slice(0, -2)) {
      const name = byCode.get(up);
      if (name) return name;
    }
    return undefined;
  };
  const levelOf = (code: string): PlaceInfo["level"] =>
    code.length === 2 ? "province" : code.length === 4 ? "prefecture" : "county";

  for (const [code, name] of divisions) {
    const level = levelOf(code);
    if (GENERIC_DIVISIONS.has(name)) continue;
    if ((fullNames.get(name) ?? 0) > 1) {
      // 鼓楼区, 朝阳区: one name, several places. Taken as a name with no parent.
      if (!places.has(name)) places.set(name, { name, level });
      forms.set(name, places.get(name)!);
      continue;
    }
    const parent = parentOf(code);
    const info: PlaceInfo = { name, level, ...(parent ? { parent } : {}) };
    places.set(name, info);
    forms.set(name, info);
  }
  // Short forms: a province's beats a prefecture's (吉林 is the province), and a short
  // form two places of one level share is left out.
  const shortForms = (level: PlaceInfo["level"], shorten: (name: string) => string | undefined) => {
    const seen = new Map<string, PlaceInfo>();
    for (const info of places.values()) {
      if (info.level !== level) continue;
      const short = shorten(info.name);
      if (!short || forms.has(short)) continue;
      if (seen.has(short)) ambiguous.add(short);
      seen.set(short, info);
    }
    for (const [short, info] of seen) if (!ambiguous.has(short)) forms.set(short, info);
  };
  shortForms("province", provinceShort);
  shortForms("prefecture", prefectureShort);
  for (const info of places.values()) {
    if (info.level !== "county") continue;
    const short = countyShort(info.name);
    if (!short || forms.has(short)) continue;
    countyShortForms.set(short, [...(countyShortForms.get(short) ?? []), info]);
  }

  const add = (name: string, level: PlaceInfo["level"]) => {
    if (forms.has(name)) return;
    const info: PlaceInfo = { name, level };
    places.set(name, info);
    forms.set(name, info);
  };
  for (const country of countries) if (!AMBIGUOUS_COUNTRIES.has(country)) add(country, "country");
  // Formal names: 阿根廷共和国, 泰王国, 俄罗斯联邦.
  for (const country of countries) {
    const info = places.get(country);
    for (const formal of [`${country}共和国`, `${country}王国`, `${country}联邦`])
      if (info && !forms.has(formal)) forms.set(formal, info);
  }
  for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) {
    const info = places.get(name);
    if (info && !forms.has(alias)) forms.set(alias, info);
  }
  for (const region of REGIONS) add(region, "region");
  // 中东地区 is 中东.
  for (const region of REGIONS) if (!forms.has(`${region}地区`)) forms.set(`${region}地区`, places.get(region)!);
  for (const city of WORLD_CITIES) add(city, "city");
  for (const feature of FEATURES) add(feature, "feature");
  cached = { forms, countyShortForms, places };
  return cached;
}

/** The chain of places a place lies in, nearest first (太原市 → [山西省]). */
export function placeAncestors(name: string, gazetteer: PlaceGazetteer = placeGazetteer()): string[] {
  const chain: string[] = [];
  for (let info = gazetteer.places.get(name); info?.parent; info = gazetteer.places.get(info.parent)) {
    chain.push(info.parent);
  }
  return chain;
}
