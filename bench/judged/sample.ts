// Draws the items of the judged entity sets from the xwlb corpus, deterministically:
// npx tsx bench/judged/sample.ts. Writes entities-test.jsonl and entities-dev.jsonl with the
// items' texts; names already annotated for an item that is drawn again are kept.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readXwlbItems, type XwlbItem } from "../fixtures.ts";
import { judgedSource, judgedText } from "./item-text.ts";
import type { JudgedItem } from "./validate.ts";
import { seededRandom } from "../../tests/helpers/generated.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = 20250;
/** Bodies shorter than this are one-line notices with few names. */
const MIN_CHARS = 150;

/** Kinds of story, told by the headline; the first that matches wins. */
const KINDS: [kind: string, headline: RegExp][] = [
  ["diplomacy", /会见|会谈|通电话|致电|贺电|复信|回信|国事访问|外长|大使|外交|访华/],
  [
    "foreign",
    /美国|俄罗斯|俄方|乌克兰|欧洲|欧盟|日本|韩国|朝鲜|以色列|巴勒斯坦|加沙|黎巴嫩|伊朗|法国|德国|英国|联合国|印度|巴西|非洲|中东|国际/,
  ],
  ["meetings", /会议|大会|座谈会|论坛|开幕|闭幕|全会|常委会|出席|主持|调研|考察/],
  ["economy", /经济|增长|投资|消费|贸易|进出口|产业|企业|市场|金融|制造|就业|财政|物流|外贸|价格|粮食/],
  [
    "local",
    /北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|各地/,
  ],
];

/** How many items of each kind a set takes: the test set, the dev set, each widening of the dev set, the items read unannotated. */
const QUOTAS = { test: 20, dev: 8, devWidened: 4, read: 40 };

function kindOf(item: XwlbItem): string | undefined {
  return KINDS.find(([, headline]) => headline.test(item.title))?.[0];
}

/** Draws up to `quota` items of each kind, one item a day, from days not in `usedDays`. */
function draw(items: XwlbItem[], quota: number, usedDays: Set<string>): XwlbItem[] {
  const taken = new Map<string, number>();
  const chosen: XwlbItem[] = [];
  for (const item of items) {
    const kind = kindOf(item);
    if (!kind || usedDays.has(item.day) || (taken.get(kind) ?? 0) >= quota) continue;
    if (judgedText(item).length < MIN_CHARS) continue;
    usedDays.add(item.day);
    taken.set(kind, (taken.get(kind) ?? 0) + 1);
    chosen.push(item);
  }
  return chosen.sort((a, b) => a.day.localeCompare(b.day) || a.index - b.index);
}

/** Writes a set, keeping the names of items annotated before. */
function write(file: string, items: XwlbItem[]): void {
  const before = new Map<string, JudgedItem>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
      const judged = JSON.parse(line) as JudgedItem;
      before.set(judged.source, judged);
    }
  }
  const lines = items.map((item) => {
    const source = judgedSource(item);
    const kept = before.get(source);
    const judged: JudgedItem = {
      source,
      text: judgedText(item),
      persons: kept?.persons ?? [],
      places: kept?.places ?? [],
      organizations: kept?.organizations ?? [],
    };
    return JSON.stringify(judged);
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const next = seededRandom(SEED);
const shuffled = readXwlbItems()
  .map((item) => ({ item, key: next() }))
  .sort((a, b) => a.key - b.key)
  .map(({ item }) => item);
const usedDays = new Set<string>();
const test = draw(shuffled, QUOTAS.test, usedDays);
const devFirst = draw(shuffled, QUOTAS.dev, usedDays);
// The dev set was widened twice, by 4 items of each kind, with 40 items of each kind
// between the two draws that were read unannotated to find what the finder misses.
const devSecond = draw(shuffled, QUOTAS.devWidened, usedDays);
draw(shuffled, QUOTAS.read, usedDays);
const devThird = draw(shuffled, QUOTAS.devWidened, usedDays);
const dev = [...devFirst, ...devSecond, ...devThird].sort((a, b) => a.day.localeCompare(b.day) || a.index - b.index);
write(path.join(HERE, "entities-test.jsonl"), test);
write(path.join(HERE, "entities-dev.jsonl"), dev);
for (const [name, set] of [
  ["test", test],
  ["dev", dev],
] as const) {
  const years = new Map<string, number>();
  for (const item of set) years.set(item.day.slice(0, 4), (years.get(item.day.slice(0, 4)) ?? 0) + 1);
  const kinds = new Map<string, number>();
  for (const item of set) kinds.set(kindOf(item) ?? "", (kinds.get(kindOf(item) ?? "") ?? 0) + 1);
  console.log(
    `${name}: ${set.length} items; years ${[...years].map(([y, n]) => `${y} ${n}`).join(", ")}; kinds ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
}
