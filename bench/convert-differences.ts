// Where the project and stock opencc-js (cn→tw) differ on the whole xwlb corpus: how many
// characters, by class, and a fixed-seed sample of places in context to judge by hand
// (the judged sample is in docs/conversion.md). Prints figures; never passes or fails.
// Run: npx tsx bench/convert-differences.ts [--sample N] [--seed S]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as OpenCC from "opencc-js";
import { createConverter } from "../src/lib/script/converter.ts";
import { TO_HANT } from "../src/lib/script/direction.ts";

const { values } = parseArgs({
  options: { sample: { type: "string", default: "240" }, seed: { type: "string", default: "12" } },
});
const corpusDir = fileURLToPath(new URL("../../shared/corpus/xwlb/", import.meta.url));
const stock = OpenCC.Converter({ from: "cn", to: "tw" });
const project = createConverter(TO_HANT);

interface Difference {
  file: string;
  context: string;
  char: string;
  stock: string;
  project: string;
}
const differences: Difference[] = [];
let characters = 0;
let unaligned = 0;
for (const name of readdirSync(corpusDir)
  .filter((file) => file.endsWith(".md"))
  .sort()) {
  const text = readFileSync(path.join(corpusDir, name), "utf8");
  const source = Array.from(text);
  const a = Array.from(stock(text));
  const b = Array.from(project.convert(text));
  characters += source.length;
  if (a.length !== b.length || a.length !== source.length) {
    unaligned++;
    continue;
  }
  a.forEach((char, i) => {
    if (char === b[i]) return;
    const from = Math.max(0, i - 8);
    const context = `${source.slice(from, i).join("")}【${source[i]}】${source.slice(i + 1, i + 9).join("")}`;
    differences.push({
      file: name,
      context: context.replace(/\s+/g, " "),
      char: source[i] ?? "",
      stock: char,
      project: b[i] ?? "",
    });
  });
}

const classes = new Map<string, number>();
for (const d of differences)
  classes.set(`${d.char}: ${d.stock}→${d.project}`, (classes.get(`${d.char}: ${d.stock}→${d.project}`) ?? 0) + 1);
console.log(
  `xwlb: ${characters} characters; ${differences.length} differ between stock opencc-js and the project ` +
    `(${((differences.length / characters) * 1e4).toFixed(1)} per 10,000); ${unaligned} files not compared (length changed)`,
);
console.log(`classes (character: stock→project), most frequent first:`);
console.log(
  [...classes]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ×${count}`)
    .join(", "),
);

// A fixed-seed sample, without repeats.
let seed = Number(values.seed);
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const size = Math.min(Number(values.sample), differences.length);
const picked = new Set<number>();
while (picked.size < size) picked.add(random(differences.length));
console.log(`\nsample of ${size} (seed ${values.seed}): number, file, context, stock → project`);
[...picked]
  .sort((x, y) => x - y)
  .forEach((index, n) => {
    const d = differences[index];
    if (d) console.log(`${n + 1}\t${d.file}\t${d.context}\t${d.stock} → ${d.project}`);
  });
