// Round trip, both directions. Prints figures; never passes or fails.
// --direction hant (default), on authentic Traditional text: each held-out twlaw law is
// converted to Simplified with stock opencc-js (tw→cn, nearly one to one), then back to
// Traditional with (a) stock opencc-js cn→tw and (b) the project's converter.
// --direction hans, on authentic Simplified text (xwlb news or mainland laws): each text is
// converted to Traditional and back to Simplified by (a) stock opencc-js cn→tw then tw→cn and
// (b) the project's converters both ways, so (b) checks the project's Traditional→Simplified
// on the Traditional it writes itself.
// Every character that differs from the original is an error, except the accepted variant
// pairs (src/lib/script/learn/variants.ts).
// Run: npx tsx bench/convert-roundtrip.ts [--direction hant|hans] [--part train|test]
//      [--corpus xwlb|laws] [--top N]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as OpenCC from "opencc-js";
import { createConverter } from "../src/lib/script/converter.ts";
import { TO_HANS, TO_HANT } from "../src/lib/script/direction.ts";
import { readTwlaw, type TwlawPart } from "../src/lib/script/learn/twlaw.ts";
import { ACCEPTED_VARIANTS, isAcceptedVariant } from "../src/lib/script/learn/variants.ts";

const { values } = parseArgs({
  options: {
    direction: { type: "string", default: "hant" },
    part: { type: "string", default: "test" },
    corpus: { type: "string", default: "xwlb" },
    top: { type: "string", default: "30" },
  },
});
const top = Number(values.top);
const corpusRoot = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

/** The Markdown files under a directory of the shared corpus, recursively, in a stable order. */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), "utf8"));
}

/** One round trip: the original texts, and how each pipeline turns an original into its round-tripped form. */
interface RoundTrip {
  title: string;
  texts: string[];
  /** The first leg, shared or per pipeline; not timed. */
  there: { stock: (text: string) => string; project: (text: string) => string };
  /** The leg under test; timed. */
  back: { stock: (text: string) => string; project: (text: string) => string };
}

function roundTrip(): RoundTrip {
  if (values.direction === "hant") {
    const part = values.part as TwlawPart;
    const toCn = OpenCC.Converter({ from: "tw", to: "cn" });
    const project = createConverter(TO_HANT);
    return {
      title: `Simplified→Traditional, twlaw ${part} part (authentic Traditional, via stock tw→cn)`,
      texts: readTwlaw(path.join(corpusRoot, "twlaw/laws-even.jsonl"), part).map((law) => law.text),
      there: { stock: toCn, project: toCn },
      back: { stock: OpenCC.Converter({ from: "cn", to: "tw" }), project: (text) => project.convert(text) },
    };
  }
  if (values.direction === "hans") {
    if (values.corpus !== "xwlb" && values.corpus !== "laws") throw new Error("--corpus: xwlb or laws");
    const toHant = createConverter(TO_HANT);
    const toHans = createConverter(TO_HANS);
    return {
      title: `Traditional→Simplified, ${values.corpus} (authentic Simplified, each pipeline's own cn→tw first)`,
      texts: markdownUnder(path.join(corpusRoot, values.corpus)),
      there: { stock: OpenCC.Converter({ from: "cn", to: "tw" }), project: (text) => toHant.convert(text) },
      back: { stock: OpenCC.Converter({ from: "tw", to: "cn" }), project: (text) => toHans.convert(text) },
    };
  }
  throw new Error("--direction: hant or hans");
}
const trip = roundTrip();

interface Tally {
  errors: number;
  accepted: number;
  unaligned: number;
  pairs: Map<string, number>;
  acceptedPairs: Map<string, number>;
}
const tally = (): Tally => ({ errors: 0, accepted: 0, unaligned: 0, pairs: new Map(), acceptedPairs: new Map() });
const results = { stock: tally(), project: tally() };
let characters = 0;

/** Compares line by line, character by character; a line whose length changed counts its length as errors. */
function compare(original: string, back: string, into: Tally): void {
  const lines = original.split("\n");
  const backLines = back.split("\n");
  lines.forEach((line, index) => {
    const a = Array.from(line);
    const b = Array.from(backLines[index] ?? "");
    if (a.length !== b.length) {
      into.unaligned++;
      into.errors += a.length;
      return;
    }
    a.forEach((char, i) => {
      const got = b[i] ?? "";
      if (char === got) return;
      if (isAcceptedVariant(char, got)) {
        into.accepted++;
        into.acceptedPairs.set(`${char}→${got}`, (into.acceptedPairs.get(`${char}→${got}`) ?? 0) + 1);
        return;
      }
      into.errors++;
      const key = `${char}→${got}`;
      into.pairs.set(key, (into.pairs.get(key) ?? 0) + 1);
    });
  });
}

const timing = { stock: 0, project: 0 };
for (const text of trip.texts) {
  characters += Array.from(text).length;
  for (const name of ["stock", "project"] as const) {
    const there = trip.there[name](text);
    const t0 = performance.now();
    const back = trip.back[name](there);
    timing[name] += performance.now() - t0;
    compare(text, back, results[name]);
  }
}

const per10k = (n: number): string => ((n / characters) * 1e4).toFixed(2);
console.log(
  `${trip.title}: ${trip.texts.length} texts, ${(characters / 1e6).toFixed(2)} M characters; ` +
    `accepted variant pairs left out: ${ACCEPTED_VARIANTS.join(" ")}`,
);
console.log("");
console.log("                    errors   per 10,000 chars   accepted variants   lines changed in length");
for (const name of ["stock", "project"] as const) {
  const r = results[name];
  console.log(
    `${(name === "stock" ? "stock opencc-js" : "project").padEnd(20)}${String(r.errors).padEnd(9)}${per10k(r.errors).padEnd(19)}${String(r.accepted).padEnd(20)}${r.unaligned}`,
  );
}
console.log(
  `ratio project / stock: ${(results.project.errors / results.stock.errors).toFixed(3)}; ` +
    `time project / stock: ${(timing.project / timing.stock).toFixed(2)}x`,
);
console.log(
  `accepted variants (stock): ${[...results.stock.acceptedPairs]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(", ")}`,
);
console.log("");
console.log(`error classes (original→converted), top ${top} by the larger count:`);
const keys = new Set([...results.stock.pairs.keys(), ...results.project.pairs.keys()]);
const rows = [...keys]
  .map((key) => ({ key, stock: results.stock.pairs.get(key) ?? 0, project: results.project.pairs.get(key) ?? 0 }))
  .sort((a, b) => Math.max(b.stock, b.project) - Math.max(a.stock, a.project) || a.key.localeCompare(b.key));
console.log("  class     stock   project");
for (const row of rows.slice(0, top)) {
  console.log(`  ${row.key.padEnd(8)}${String(row.stock).padStart(6)}${String(row.project).padStart(10)}`);
}
const worse = rows.filter((row) => row.project - row.stock > 5);
console.log("");
console.log(
  worse.length === 0
    ? "no class worse for the project by more than 5"
    : `classes worse for the project by more than 5: ${worse.map((row) => `${row.key} ${row.stock}→${row.project}`).join(", ")}`,
);
