import { describe, expect, it } from "vitest";
import {
  createFinder,
  findInArticle,
  parseEntityCorrections,
  placeAncestors,
} from "../../../src/lib/entities/index.ts";

const finder = createFinder();
const find = (text: string) => finder.find(text);

describe("people", () => {
  it("takes a full name after a title, and its later mentions", () => {
    const found = find("中共中央政治局常委、国务院总理李强5月10日在安徽调研。李强首先来到中国科学院。");
    expect(found.persons).toEqual(["李强"]);
  });

  it("takes every name of a list joined by 、", () => {
    const found = find("李强主持会议。赵乐际、王沪宁、蔡奇、李希出席会议。丁薛祥作总结讲话。");
    expect(found.persons).toEqual(["李强", "赵乐际", "王沪宁", "蔡奇", "李希", "丁薛祥"]);
  });

  it("takes names in appointments, whatever jieba makes of them", () => {
    const found = find("决定免去陈文清的国家安全部部长职务，任命陈一新为国家安全部部长。");
    expect(found.persons).toEqual(["陈文清", "陈一新"]);
  });

  it("takes foreign names after a country's title, and before a verb of speech", () => {
    const found = find(
      "国务院总理李强在柏林同德国总理朔尔茨共同主持第七轮中德政府磋商。朔尔茨表示，磋商机制体现了德中关系的重要性。",
    );
    expect(found.persons).toEqual(["李强", "朔尔茨"]);
    expect(find("国家主席习近平致电韦斯利·西米纳，祝贺他就任密克罗尼西亚联邦总统。").persons).toEqual([
      "习近平",
      "韦斯利·西米纳",
    ]);
  });

  it("never takes a bare title, a surname with a title, nor a word after a name", () => {
    expect(find("总书记强调，要坚持稳中求进。").persons).toEqual([]);
    expect(find("王部长说，今年粮食丰收。").persons).toEqual([]);
    expect(find("宣读习近平主席贺信并致辞。").persons).toEqual(["习近平"]);
  });

  it("takes names after roles beyond the list of titles", () => {
    expect(find("联合国难民署高级专员菲利波·格兰迪13日表示，人道主义灾难正在发生。").persons).toEqual([
      "菲利波·格兰迪",
    ]);
    expect(find("会见英特尔公司首席执行官帕特·基辛格。").persons).toEqual(["帕特·基辛格"]);
    expect(find("中国船东程成介绍了船队的情况。").persons).toEqual(["程成"]);
  });

  it("takes a name joined by · whatever characters spell it, and a Japanese name", () => {
    expect(find("对人民政府副主席玉苏甫江·麦麦提的专访。").persons).toEqual(["玉苏甫江·麦麦提"]);
    expect(find("调查记者西摩·赫什爆料美国政府策划炸毁管道。").persons).toEqual(["西摩·赫什"]);
    expect(find("东盟与中日韩宏观经济研究办公室主任浅川雅嗣表示，地区经济增长稳健。").persons).toEqual(["浅川雅嗣"]);
  });

  it("takes a name jieba reads as one unknown word, and a name a term is named after", () => {
    expect(find("王毅、蒋作君参加会见。").persons).toEqual(["王毅", "蒋作君"]);
    expect(find("学习贯彻习近平新时代中国特色社会主义思想主题教育。").persons).toEqual(["习近平"]);
    expect(find("丁薛祥作总结讲话，武增作了说明。").persons).toEqual(["丁薛祥", "武增"]);
  });

  it("takes no common word, number or place read as a name", () => {
    expect(find("柬埔寨国王顾问团主席洪森出席。").persons).toEqual(["洪森"]);
    expect(find("投入8800余人参加大震巨灾综合演练。").persons).toEqual([]);
    expect(find("古巴国家主席应伊朗总统莱希的邀请访问伊朗。").persons).toEqual(["莱希"]);
    expect(find("无党派人士代表樊杰先后发言。").persons).toEqual(["樊杰"]);
    expect(find("财政部部长刘昆受国务院委托作报告。").persons).toEqual(["刘昆"]);
  });

  it("takes a name in sounds whole, after a function word jieba glues to it", () => {
    expect(find("遵照习近平主席同安瓦尔总理的战略引领。").persons).toEqual(["习近平", "安瓦尔"]);
    expect(find("土耳其总统埃尔多安签字。愿同埃尔多安总统一道努力。").persons).toEqual(["埃尔多安"]);
  });

  it("takes no punctuation, common word or second name into a name", () => {
    expect(find("外长与会，吉尔吉斯斯坦总理扎帕罗夫主持会议。").persons).toEqual(["扎帕罗夫"]);
    expect(find("多国人士表示，合作成果丰硕。").persons).toEqual([]);
    expect(find("两国领导人普京互致贺电。").persons).toEqual(["普京"]);
    expect(find("坚持解放思想，开拓进取。").persons).toEqual([]);
  });

  it("takes a name that is also a word only where it stands as a name", () => {
    expect(find("国务院副总理汪洋出席开幕式。").persons).toEqual(["汪洋"]);
    expect(find("洪水过后，田野一片汪洋。").persons).toEqual([]);
  });
});

describe("places", () => {
  it("takes 山西 and 山西省 as one place, with the place it lies in", () => {
    expect(find("山西省太原市今年春耕提前。山西各地加快进度。").places).toEqual(["山西省", "太原市"]);
    expect(placeAncestors("太原市")).toEqual(["山西省"]);
    expect(placeAncestors("小店区")).toEqual(["太原市", "山西省"]);
  });

  it("takes countries, named geographic places and planned areas", () => {
    const found = find("长江经济带和粤港澳大湾区建设，雄安新区开局良好，中国同巴西合作。");
    expect(found.places).toEqual(["长江经济带", "粤港澳大湾区", "雄安新区", "中国", "巴西"]);
  });

  it("takes a county's short form right after its province", () => {
    expect(find("在山西河津，麦田返青。").places).toEqual(["山西省", "河津市"]);
  });

  it("takes a town or street right after its county", () => {
    expect(find("浙江省温州市鹿城区南郊街道的居民。").places).toEqual(["浙江省", "温州市", "鹿城区", "南郊街道"]);
  });

  it("takes places abroad that no list holds, from where they stand", () => {
    expect(find("5日，美国丹佛一家摩托车俱乐部发生枪击事件。").places).toEqual(["美国", "丹佛"]);
    expect(find("以军对加沙地带南部城市汗尤尼斯和拉法实施密集空袭。").places).toEqual(["加沙地带", "汗尤尼斯", "拉法"]);
    expect(find("冬季风暴涉及俄亥俄、纽约、科罗拉多等12个州。").places).toEqual(["俄亥俄", "纽约", "科罗拉多"]);
    expect(find("野火已经蔓延至俄克拉何马州，加利福尼亚州、华盛顿州等地山火持续。").places).toEqual([
      "俄克拉何马州",
      "加利福尼亚州",
      "华盛顿州",
    ]);
    expect(find("德国不伦瑞克市发生火灾。").places).toEqual(["德国", "不伦瑞克市"]);
    expect(find("以色列军方空袭了加沙城、努赛赖特难民营等。").places).toEqual(["以色列", "加沙城", "努赛赖特难民营"]);
  });

  it("takes no word of quantity or ordinary word after a country as a place", () => {
    expect(find("野火产生的烟霾影响加拿大多地。").places).toEqual(["加拿大"]);
    expect(find("打击与以色列关联的目标，抗击日本法西斯。美国白宫批准。").places).toEqual(["以色列", "日本", "美国"]);
    expect(find("着力保市场主体。英国伦敦金融城市长梅睿孟到访。").places).toEqual(["英国", "伦敦"]);
    expect(find("助力更多美国青少年来华交流学习。").places).toEqual(["美国"]);
  });

  it("takes no people, direction or common word as a place", () => {
    expect(find("这是一个蒙古族、汉族聚居的村子。").places).toEqual([]);
    expect(find("暴风雪袭击美国东北部。").organizations).toEqual([]);
    expect(find("城区改造，商务部门调运生活必需品。")).toEqual({ persons: [], places: [], organizations: [] });
  });

  it("takes no place in a word of its own (中国式现代化) nor a direction within a country", () => {
    expect(find("推进中国式现代化，坚持马克思主义中国化。").places).toEqual([]);
    expect(find("阿富汗西北部发生地震。").places).toEqual(["阿富汗"]);
  });

  it("takes a region written with 地区 as the region", () => {
    expect(find("这将影响整个中东地区。中东局势紧张。").places).toEqual(["中东"]);
  });

  it("does not take a place inside an organisation's name", () => {
    const found = find("河南省人民政府和中国科学技术大学签署协议。");
    expect(found.places).toEqual([]);
    expect(found.organizations).toEqual(["河南省人民政府", "中国科学技术大学"]);
  });
});

describe("organisations", () => {
  it("takes a ministry's short forms as one organisation", () => {
    const found = find("国家发展改革委表示，国家发改委将会同国家发展和改革委员会各司局推进。");
    expect(found.organizations).toEqual(["国家发展和改革委员会"]);
  });

  it("takes international organisations, companies and universities", () => {
    const found = find("世卫组织和联合国粮农组织发布报告，英国怡和控股有限公司与清华大学合作。");
    expect(found.organizations).toEqual(["世界卫生组织", "联合国粮食及农业组织", "英国怡和控股有限公司", "清华大学"]);
  });

  it("takes a party committee written with its secretary, and a body whose name holds a verb", () => {
    const found = find("江苏省委书记信长星主持会议。新疆维吾尔自治区党委常委出席。马尔代夫选举委员会公布结果。");
    expect(found.organizations).toEqual(["江苏省委", "新疆维吾尔自治区党委", "马尔代夫选举委员会"]);
    expect(found.persons).toEqual(["信长星"]);
  });

  it("takes a company's short form where its full name is written too", () => {
    const found = find("韩正会见美国英特尔公司首席执行官。欢迎英特尔深耕中国。");
    expect(found.organizations).toEqual(["美国英特尔公司", "英特尔"]);
    expect(found.places).toEqual(["中国"]);
  });

  it("takes armed forces and bodies set up for a task", () => {
    const found = find("苏丹武装部队同快速支援部队交火。国务院事故调查组认定，中央巡回指导组到位。");
    expect(found.organizations).toEqual(["苏丹武装部队", "国务院事故调查组", "中央巡回指导组"]);
  });

  it("takes no generic body, village body, city centre or 组织 used as a verb", () => {
    const found = find(
      "美国公司纷纷裁员。首尔市中心举行集会。梧州市苍梧县六堡镇山坪村党支部组织学习。雄安新区公共服务局组织开展培训。",
    );
    expect(found.organizations).toEqual(["雄安新区公共服务局"]);
    expect(found.places).toEqual(["美国", "首尔", "梧州市", "苍梧县", "六堡镇"]);
  });

  it("takes a known body after a city abroad as the body alone", () => {
    const found = find("日内瓦联合国机构负责人表示。");
    expect(found.organizations).toEqual(["联合国"]);
    expect(found.places).toEqual(["日内瓦"]);
  });

  it("takes no forum that is a meeting series, nor a department's name as a person", () => {
    expect(find("落实中非合作论坛北京峰会成果。").organizations).toEqual([]);
    expect(find("福州市委常委、宣传部部长出席。").persons).toEqual([]);
  });
});

describe("both scripts", () => {
  it("finds the same names in Traditional text, given back in Traditional", () => {
    const hans = findInArticle(finder, "国务院总理李强在山西太原会见世卫组织总干事谭德塞。", "hans");
    const hant = findInArticle(finder, "國務院總理李強在山西太原會見世衛組織總幹事譚德塞。", "hant");
    expect(hans.persons).toEqual(["李强", "谭德塞"]);
    expect(hant.persons).toEqual(["李強", "譚德塞"]);
    expect(hant.places).toEqual(["山西省", "太原市"]);
    expect(hans.organizations).toEqual(["中华人民共和国国务院", "世界卫生组织"]);
    expect(hant.organizations).toEqual(["中華人民共和國國務院", "世界衛生組織"]);
  });
});

describe("corrections", () => {
  it("applies aliases, never and always", () => {
    const corrections = parseEntityCorrections(
      "aliases:\n  央视: 中央广播电视总台\nnever: [央视网]\nalways:\n  organizations: [番茄公社]\n",
      "entities.yaml",
    );
    const corrected = createFinder(corrections);
    const found = corrected.find("央视网消息：番茄公社的番茄今年丰收，央视作了报道。");
    expect(found.organizations).toEqual(["番茄公社", "中央广播电视总台"]);
  });
});
