// npm run learn:conversion: learns word conversions for Simplified→Traditional from the
// train part of ../shared/corpus/twlaw and writes src/lib/script/data/learned-hant.json.
import { writeAtomic } from "../../fs/atomic-write.ts";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";
import { format } from "prettier";
import { TO_HANT } from "../direction.ts";
import { getEngine } from "../engine.ts";
import type { LearnedFile } from "../learned.ts";
import { learnWords } from "./learn-words.ts";
import { readTwlaw } from "./twlaw.ts";

const CORPUS_FILE = "twlaw/laws-even.jsonl";
const MIN_COUNT = 3;
const MIN_SHARE = 0.9;

const corpus = fileURLToPath(new URL(`../../../../../shared/corpus/${CORPUS_FILE}`, import.meta.url));
const out = fileURLToPath(new URL("../data/learned-hant.json", import.meta.url));
const laws = readTwlaw(corpus, "train");
const toCn = OpenCC.Converter({ from: "tw", to: "cn" });
const engine = getEngine(TO_HANT, { learned: false });
const lexicon = engine.lexicon;
if (!lexicon) throw new Error("the Simplified→Traditional engine has no lexicon");

const lines: { hans: string; hant: string }[] = [];
let characters = 0;
for (const { text } of laws) {
  characters += text.length;
  const cn = toCn(text).split("\n");
  text.split("\n").forEach((hant, index) => lines.push({ hans: cn[index] ?? "", hant }));
}
const { words, singles } = learnWords(lines, {
  lexicon,
  convertWord: engine.convertSegment,
  minCount: MIN_COUNT,
  minShare: MIN_SHARE,
});

const file: LearnedFile = {
  about: [
    "Word conversions for Simplified→Traditional learned from authentic Traditional text. Generated: do not edit",
    "by hand; correct a conversion with an override rule instead (docs/conversion.md). Regenerate with",
    "`npm run learn:conversion`, which reads ../shared/corpus/twlaw (Taiwan's laws) and learns only from",
    "the laws of its train part (src/lib/script/learn/twlaw.ts), leaving the test part for bench/convert-roundtrip.ts.",
    "Each entry: Simplified word (or word with its neighbour), its usual Traditional form there,",
    "times seen in that form, times seen in all; kept when that form differs from OpenCC's.",
    "singles: ambiguous characters (and any OpenCC once got wrong) that stood alone as a word: character,",
    "times written as OpenCC writes it, times seen (the ambiguity report flags the unreliable ones).",
  ],
  settings: {
    source: `${CORPUS_FILE}, train part: ${laws.length} laws, ${characters} characters (sha1 of pcode, first byte >= 52)`,
    minCount: MIN_COUNT,
    minShare: MIN_SHARE,
    lexicon: "jieba dict.txt from @node-rs/jieba with OpenCC's s2tw phrase keys",
  },
  words: words.map(({ hans, hant, count, total }) => [hans, hant, count, total]),
  singles: singles.map(({ char, same, total }) => [char, same, total]),
};
await writeAtomic(out, await format(JSON.stringify(file), { parser: "json", printWidth: 120 }));
console.log(`${words.length} words learned from ${laws.length} laws (${characters} characters); written to ${out}`);
