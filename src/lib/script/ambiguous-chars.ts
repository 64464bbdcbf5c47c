/**
 * Characters whose spelling in the other script depends on the word they are in,
 * with the spellings OpenCC can give them (commonest first). opencc-js ships only one
 * candidate per character in its character tables, so these were chosen by hand from
 * the characters that its phrase tables map to more than one form, keeping those that
 * occur in policy and news text; tests/unit/script/ambiguous-chars.test.ts checks every
 * candidate against opencc-js's own dictionaries.
 */
const TO_HANT_TABLE = `
后 後后|发 發髮|干 幹乾干|台 臺檯颱台|系 係繫系|面 面麵|里 裡里|于 於于|余 餘余|征 徵征|制 制製
范 範范|历 歷曆|斗 鬥斗|钟 鐘鍾|只 只隻|松 松鬆|云 雲云|复 復複覆|汇 匯彙|获 獲穫|划 劃划|准 準准
冲 衝沖|尽 盡儘|谷 谷穀|志 志誌|表 表錶|卷 卷捲|几 幾几|借 借藉|了 了瞭|出 出齣|党 黨党|伙 夥伙
团 團糰|困 困睏|周 周週|向 向嚮|当 當噹|并 並併|据 據据|布 布佈|托 託托|折 折摺|采 採采|胡 胡鬍
须 須鬚|游 遊游|鉴 鑑鑒|回 回迴|占 佔占|吁 籲吁|吊 吊弔|恶 惡噁|赞 贊讚|症 症癥|注 注註|扎 扎紮
蒙 蒙濛矇|签 簽籤|致 致緻|沈 沈瀋|苏 蘇甦|念 念唸|丰 豐丰|千 千韆|秋 秋鞦|辟 闢辟|坛 壇罈|药 藥葯
升 升昇|巨 巨鉅|杰 傑杰|咨 諮咨|荡 蕩盪|弥 彌瀰|姜 姜薑|腊 臘腊|厘 釐厘|佣 傭佣|叶 葉叶|泛 泛氾
曲 曲麴|板 板闆|朱 朱硃|摆 擺襬|迹 跡蹟|梁 梁樑|毁 毀燬|筑 築筑|郁 鬱郁
`;

/** The other way: Traditional characters with more than one Simplified form. */
const TO_HANS_TABLE = `
於 于於|乾 干乾|著 着著|覆 复覆|瞭 了瞭|徵 征徵|藉 借藉|沈 沈沉|甦 苏甦|鍾 钟锺|彷 仿彷
`;

function parseTable(table: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const entry of table.split(/[|\n]/)) {
    const [char, forms] = entry.trim().split(" ");
    if (char && forms) map.set(char, [...forms]);
  }
  return map;
}

/** Simplified characters with several Traditional forms, and those forms. */
export const AMBIGUOUS_TO_HANT: ReadonlyMap<string, readonly string[]> = parseTable(TO_HANT_TABLE);

/** Traditional characters with several Simplified forms, and those forms. */
export const AMBIGUOUS_TO_HANS: ReadonlyMap<string, readonly string[]> = parseTable(TO_HANS_TABLE);
