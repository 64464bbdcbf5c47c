// Conversion throughput on the whole xwlb corpus, both directions, with and without the
// override layer, against stock opencc-js and against the converter before word
// segmentation (OpenCC's longest match). Prints figures; never passes or fails.
// Run: npx tsx bench/convert.ts [runs]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";
import { createConverter } from "../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../src/lib/script/direction.ts";

const runs = Number(process.argv[2] ?? 5);
const corpusDir = fileURLToPath(new URL("../../shared/corpus/xwlb/", import.meta.url));
const files = readdirSync(corpusDir)
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => readFileSync(path.join(corpusDir, name), "utf8"));
const bytes = (texts: readonly string[]): number => texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

// Construction first, in a fresh process, since the engine is built once and cached.
let start = performance.now();
const toHant = createConverter(TO_HANT);
const buildHant = performance.now() - start;
start = performance.now();
const toHans = createConverter(TO_HANS);
const buildHans = performance.now() - start;
start = performance.now();
const stockToHant = OpenCC.Converter({ from: "cn", to: "tw" });
const buildStockHant = performance.now() - start;
const stockToHans = OpenCC.Converter({ from: "tw", to: "cn" });
const plainToHant = createConverter(TO_HANT, { builtins: false });
const plainToHans = createConverter(TO_HANS, { builtins: false });
const longestMatchToHant = createConverter(TO_HANT, { segment: false });

// The Traditional input is the corpus converted once, article by article.
const hans = files;
const hant = files.map((text) => toHant.convert(text));
const sizeHans = bytes(hans);
const sizeHant = bytes(hant);

const variants = {
  "with overrides hans→hant": { convert: toHant.convert, texts: hans, size: sizeHans },
  "longest match hans→hant": { convert: longestMatchToHant.convert, texts: hans, size: sizeHans },
  "with overrides hant→hans": { convert: toHans.convert, texts: hant, size: sizeHant },
  "without overrides hans→hant": { convert: plainToHant.convert, texts: hans, size: sizeHans },
  "without overrides hant→hans": { convert: plainToHans.convert, texts: hant, size: sizeHant },
  "stock hans→hant": { convert: stockToHant, texts: hans, size: sizeHans },
  "stock hant→hans": { convert: stockToHans, texts: hant, size: sizeHant },
};
type Variant = keyof typeof variants;

// One warm-up pass over part of the corpus each, so the JIT has settled before timing.
for (const { convert, texts } of Object.values(variants)) texts.slice(0, 100).forEach(convert);

// The variants take turns file by file, so drift in the machine's speed (JIT, GC, other
// load on a shared machine) falls on all of them alike; each file is converted separately,
// as the build does.
const speeds = new Map<Variant, number[]>();
const entries = Object.entries(variants) as [Variant, (typeof variants)[Variant]][];
for (let run = 0; run < runs; run++) {
  const seconds = new Map<Variant, number>();
  files.forEach((_, index) => {
    for (const [name, { convert, texts }] of entries) {
      const t0 = performance.now();
      convert(texts[index] ?? "");
      seconds.set(name, (seconds.get(name) ?? 0) + (performance.now() - t0) / 1000);
    }
  });
  for (const [name, { size }] of entries) {
    speeds.set(name, [...(speeds.get(name) ?? []), size / 1e6 / (seconds.get(name) ?? 1)]);
  }
}
const median = (name: Variant): number => {
  const list = [...(speeds.get(name) ?? [])].sort((a, b) => a - b);
  return list[Math.floor(list.length / 2)] ?? 0;
};
const full = { hant: median("with overrides hans→hant"), hans: median("with overrides hant→hans") };
const plain = { hant: median("without overrides hans→hant"), hans: median("without overrides hant→hans") };
const stock = { hant: median("stock hans→hant"), hans: median("stock hant→hans") };
const longest = median("longest match hans→hant");

const mb = (n: number): string => `${n.toFixed(2)} MB/s`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
console.log(
  `corpus: ${files.length} files, ${(sizeHans / 1e6).toFixed(1)} MB Simplified, ${(sizeHant / 1e6).toFixed(1)} MB Traditional (UTF-8); median of ${runs} runs`,
);
console.log(
  `construction: hans→hant ${buildHant.toFixed(0)} ms, hant→hans ${buildHans.toFixed(0)} ms (stock opencc-js cn→tw ${buildStockHant.toFixed(0)} ms)`,
);
console.log("");
console.log("                         hans→hant      hant→hans      ratio (→hans / →hant)");
const row = (label: string, r: { hant: number; hans: number }): void =>
  console.log(`${label.padEnd(25)}${mb(r.hant).padEnd(15)}${mb(r.hans).padEnd(15)}${ratio(r.hans, r.hant)}`);
row("with overrides", full);
row("without overrides", plain);
row("stock opencc-js", stock);
console.log("");
console.log(
  `override layer cost (without / with): hans→hant ${ratio(plain.hant, full.hant)}, hant→hans ${ratio(plain.hans, full.hans)}`,
);
console.log(
  `engine vs stock opencc-js (ours without overrides / stock): hans→hant ${ratio(plain.hant, stock.hant)}, hant→hans ${ratio(plain.hans, stock.hans)}`,
);
console.log(
  `word segmentation (with overrides): hans→hant ${mb(full.hant)} against ${mb(longest)} with OpenCC's longest match, ` +
    `${ratio(longest, full.hant)} the time; the whole corpus (${(sizeHans / 1e6).toFixed(1)} MB) takes ` +
    `${(sizeHans / 1e6 / full.hant).toFixed(1)} s against ${(sizeHans / 1e6 / longest).toFixed(1)} s`,
);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
