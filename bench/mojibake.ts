// Mojibake warnings of the import on real text: how many it gives on sound corpora (false
// alarms, per 1,000 items) and how many damaged items it catches (real ones). Prints figures;
// never passes or fails. The figures in docs/import.md come from here.
// Run: npx tsx bench/mojibake.ts [--list N]   (--list prints the first N warnings of each set)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import { readJsonlLine } from "../src/lib/import/jsonl.ts";
import { readXwlbItems } from "./fixtures.ts";

const { values } = parseArgs({ options: { list: { type: "string", default: "0" } } });
const LIST = Number(values.list);
const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");

/** One article as the import's JSONL reader takes it. */
interface Item {
  title: string;
  body: string;
}

/** The mojibake warnings the import gives for an item, as it would print them. */
function warningsOf(item: Item): string[] {
  const draft = readJsonlLine({ line: 1, text: JSON.stringify({ ...item, date: "2024-01-01" }) });
  return draft.warnings.filter((warning) => warning.message.startsWith("possible mojibake")).map((w) => w.message);
}

interface Tally {
  items: number;
  warnings: number;
  /** Items with at least one warning. */
  flagged: number;
  shown: string[];
}

function tally(items: Iterable<Item>): Tally {
  const result: Tally = { items: 0, warnings: 0, flagged: 0, shown: [] };
  for (const item of items) {
    const found = warningsOf(item);
    result.items++;
    result.warnings += found.length;
    if (found.length > 0) result.flagged++;
    for (const message of found) if (result.shown.length < LIST) result.shown.push(`${item.title}: ${message}`);
  }
  return result;
}

const perThousand = (t: Tally) => ((t.warnings / t.items) * 1000).toFixed(1);
const share = (t: Tally) => `${((t.flagged / t.items) * 100).toFixed(1)}%`;

// Sound text: the three corpora as the import would read them.
const xwlb: Item[] = readXwlbItems().map((item) => ({ title: item.title, body: item.html }));
const laws: Item[] = (readdirSync(path.join(CORPUS, "laws"), { recursive: true }) as string[])
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file) => {
    const text = readFileSync(path.join(CORPUS, "laws", file), "utf8");
    return { title: path.basename(file, ".md"), body: text.replace(/^# .*\n/, "") };
  });
const twlaw: Item[] = readFileSync(path.join(CORPUS, "twlaw/laws-even.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { name: string; articles: string[] })
  .map((law) => ({ title: law.name, body: law.articles.join("\n\n") }));

/**
 * Middle dots that Chinese sites put in headlines (忆・红, 春・寻), the Japanese one (U+30FB)
 * the usual, and the Japanese の that Chinese marketing headlines borrow (青春の记忆).
 */
const DOTS: [string, string][] = [
  ["の (hiragana no, as 青春の记忆)", "\u306E"],
  ["・ U+30FB", "\u30FB"],
  ["･ U+FF65", "\uFF65"],
  ["‧ U+2027", "\u2027"],
  ["· U+00B7", "\u00B7"],
];
const han = /^[\u4E00-\u9FFF]{2}/;
/** Each xwlb headline with a dot after its first character, as 忆・红 is written, and the body as it is. */
const dotted = (dot: string): Item[] =>
  xwlb
    .filter((item) => han.test(item.title))
    .map((item) => ({ ...item, title: `${item.title[0]}${dot}${item.title.slice(1)}` }));

// Damaged text: one sentence of each sampled item damaged the ways real copies are, the rest sound.
const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&[a-z]+;/g, " ");
const firstSentence = (text: string) => /[^。！？\n]{8,80}[。！？]/.exec(text)?.[0];
const gbk = (text: string) => iconv.encode(text, "gbk");
const DAMAGE: [string, (sentence: string) => string][] = [
  ["UTF-8 read as GBK", (s) => iconv.decode(Buffer.from(s, "utf8"), "gbk")],
  ["UTF-8 read as Windows-1252", (s) => iconv.decode(Buffer.from(s, "utf8"), "windows-1252")],
  ["GBK read as Big5", (s) => iconv.decode(gbk(s), "big5")],
  ["GBK read as UTF-8 (�)", (s) => new TextDecoder("utf-8").decode(gbk(s))],
  [
    "锟斤拷 (� saved and read as GBK)",
    (s) => iconv.decode(Buffer.from(new TextDecoder("utf-8").decode(gbk(s)), "utf8"), "gbk"),
  ],
  ["Simplified saved as Big5 (? for lost characters)", (s) => iconv.decode(iconv.encode(s, "big5"), "big5")],
];
/** Traditional text damaged the Big5 way, from the Taiwanese laws. */
const BIG5_DAMAGE: [string, (sentence: string) => string] = [
  "Big5 read as GBK (Traditional text)",
  (s) => iconv.decode(iconv.encode(s, "big5"), "gbk"),
];

function damaged(items: Item[], damage: (sentence: string) => string, every: number): Item[] {
  const out: Item[] = [];
  items.forEach((item, index) => {
    if (index % every !== 0) return;
    const text = plain(item.body);
    const sentence = firstSentence(text);
    if (!sentence) return;
    const broken = damage(sentence);
    if (broken === sentence) return;
    out.push({ title: item.title, body: text.replace(sentence, broken) });
  });
  return out;
}

const started = performance.now();
const lines: string[] = [];
const row = (name: string, t: Tally) =>
  lines.push(
    `${name.padEnd(52)} ${String(t.items).padStart(6)} items  ${String(t.warnings).padStart(5)} warnings  ${perThousand(t).padStart(6)} per 1,000  ${share(t).padStart(6)} flagged`,
  );
const show = (t: Tally) => lines.push(...t.shown.map((text) => `    ${text}`));

lines.push("Sound text (every warning a false alarm; check the listed ones with --list N):");
for (const [name, items] of [
  ["xwlb, all items with a body", xwlb],
  ["laws (Simplified)", laws],
  ["twlaw (Traditional)", twlaw],
] as const) {
  const t = tally(items);
  row(name, t);
  show(t);
}
for (const [name, dot] of DOTS) {
  const t = tally(dotted(dot));
  row(`xwlb headlines with ${name}`, t);
  show(t);
}
lines.push("", "Damaged text (one sentence per item; a flagged item is a real warning):");
for (const [name, damage] of DAMAGE) row(name, tally(damaged(xwlb, damage, 10)));
row(BIG5_DAMAGE[0], tally(damaged(twlaw, BIG5_DAMAGE[1], 2)));
lines.push("", `took ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(lines.join("\n"));
