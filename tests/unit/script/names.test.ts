import { describe, expect, it } from "vitest";
import { createConverter } from "../../../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../../../src/lib/script/direction.ts";

const toHant = createConverter(TO_HANT);

describe("names in Simplified→Traditional", () => {
  it("writes a surname as a surname right after a title", () => {
    expect(toHant.convert("中央军委副主席范长龙出席")).toBe("中央軍委副主席范長龍出席");
    expect(toHant.convert("国家卫生健康委党组书记余艳红介绍")).toBe("國家衛生健康委黨組書記余豔紅介紹");
    expect(toHant.convert("浙江大学校长郁建兴表示")).toBe("浙江大學校長郁建興表示");
  });

  it("leaves the same characters alone where they are no surname", () => {
    expect(toHant.convert("主席于3日会见")).toBe("主席於3日會見");
    expect(toHant.convert("工作范围和其余三十余人")).toBe("工作範圍和其餘三十餘人");
    expect(toHant.convert("忧郁")).toBe("憂鬱");
  });

  it("writes names known to jieba's dictionary with their surname", () => {
    expect(toHant.convert("范恒山指出")).toBe("范恆山指出");
  });

  it("keeps 里 in transliterated names", () => {
    expect(toHant.convert("帕特里克·里德说")).toBe("帕特里克·里德說");
    expect(toHant.convert("参议员里德")).toBe("參議員里德");
    expect(toHant.convert("村里的里德")).toBe("村裡的里德");
  });

  it("writes a name the dictionary reads as one word as a name after a title", () => {
    // 钟山 is one word (the mountain's name), so no lone 钟 stands after the title.
    expect(toHant.convert("商务部部长钟山在会上表示")).toBe("商務部部長鍾山在會上表示");
    expect(toHant.convert("人大代表钟表行业")).toBe("人大代表鐘錶行業");
  });

  it("writes the names known in an article right wherever they stand", () => {
    const article = toHant.withNames({ persons: ["范长龙", "余艳红", "郁建兴", "约翰·米里松"] });
    expect(article.convert("范长龙、余艳红和郁建兴")).toBe("范長龍、余豔紅和郁建興");
    expect(article.convert("约翰·米里松")).toBe("約翰·米里松");
    expect(toHant.convert("范长龙")).toBe("範長龍");
  });

  it("writes surnames known as names with no title before them", () => {
    const article = toHant.withNames({ persons: ["范长龙", "郁建兴", "于欢", "钟山"] });
    expect(article.convert("范长龙同志的遗体在北京八宝山革命公墓火化")).toBe(
      "范長龍同志的遺體在北京八寶山革命公墓火化",
    );
    expect(article.convert("郁建兴说，要把论文写在祖国大地上")).toBe("郁建興說，要把論文寫在祖國大地上");
    expect(article.convert("于欢故意伤害案二审公开开庭")).toBe("于歡故意傷害案二審公開開庭");
    expect(article.convert("会上，钟山介绍了有关情况")).toBe("會上，鍾山介紹了有關情況");
  });

  it("leaves the same characters alone where they are words, not the name", () => {
    const article = toHant.withNames({ persons: ["于欢", "范长龙"] });
    expect(article.convert("关于欢迎外国元首的安排")).toBe("關於歡迎外國元首的安排");
    expect(article.convert("示范长龙头企业")).toBe(toHant.convert("示范长龙头企业"));
    expect(article.convert("工作范围")).toBe("工作範圍");
  });

  it("keeps 里 in known place names and foreign names", () => {
    const article = toHant.withNames({ persons: ["斯莫特里赫"], places: ["八角中里", "七里海"] });
    expect(toHant.convert("以色列财政部长斯莫特里赫表示")).toBe("以色列財政部長斯莫特裡赫表示");
    expect(article.convert("以色列财政部长斯莫特里赫表示")).toBe("以色列財政部長斯莫特里赫表示");
    expect(article.convert("北京市朝阳区八角中里社区")).toBe("北京市朝陽區八角中里社區");
    expect(article.convert("天津七里海湿地")).toBe("天津七里海溼地");
    expect(article.convert("在村里的广场上")).toBe("在村裡的廣場上");
    expect(toHant.withNames({ places: ["镇里"] }).convert("镇里的干部")).toBe("鎮裡的幹部");
    expect(toHant.withNames({ places: ["里海"] }).convert("跨里海国际运输走廊")).toBe("跨裡海國際運輸走廊");
  });

  it("keeps 里 but not 髮 or 鬆 in a known organisation's name", () => {
    const article = toHant.withNames({ organizations: ["八角中里社区居委会", "卡纳瓦里博物馆", "轻松筹"] });
    expect(article.convert("八角中里社区居委会工作人员")).toBe("八角中里社區居委會工作人員");
    expect(article.convert("卡纳瓦里博物馆")).toBe("卡納瓦里博物館");
    expect(article.convert("轻松筹")).toBe("輕鬆籌");
  });
});

describe("names in Traditional→Simplified", () => {
  const toHans = createConverter(TO_HANS);

  it("keeps 乾 in known names and the surname 於", () => {
    const article = toHans.withNames({ persons: ["李乾", "於光遠"], places: ["乾縣"] });
    expect(toHans.convert("李乾說")).toBe("李干说");
    expect(article.convert("李乾說")).toBe("李乾说");
    expect(article.convert("於光遠的文章")).toBe("於光远的文章");
    expect(article.convert("天乾物燥")).toBe("天干物燥");
    expect(article.convert("陝西乾縣")).toBe("陕西乾县");
  });

  it("adds no rule for names already right", () => {
    expect(toHans.withNames({ persons: ["范長龍", "鍾山"], places: ["八角中里"] })).toBe(toHans);
  });
});
