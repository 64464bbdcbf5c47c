// The entity finder measured against the hand-judged sets in bench/judged/ (entities-dev.jsonl,
// entities-test.jsonl): precision and recall per type, names compared under one key each
// (canonicalEntities: 山西 = 山西省, 国家发改委 = 国家发展和改革委员会) on both sides.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { canonicalEntities } from "../src/lib/entities/canonical.ts";
import { createFinder } from "../src/lib/entities/finder.ts";
import { ENTITY_KINDS, type EntityKind, type FoundEntities } from "../src/lib/entities/types.ts";

const JUDGED = path.join(path.dirname(fileURLToPath(import.meta.url)), "judged");

interface JudgedItem extends FoundEntities {
  source: string;
  text: string;
}

/** Counts for one type over a set. */
export interface Score {
  truePositives: number;
  found: number;
  judged: number;
}

/** Per-type counts and the names missed and wrongly taken, for one judged set. */
export interface SetResult {
  set: string;
  items: number;
  scores: Record<EntityKind, Score>;
  missed: Record<EntityKind, string[]>;
  wrong: Record<EntityKind, string[]>;
}

function readJudged(file: string): JudgedItem[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as JudgedItem);
}

/** Scores the finder on one judged set file. */
export function scoreSet(set: string, file: string): SetResult {
  const finder = createFinder();
  const empty = () => ({ persons: [], places: [], organizations: [] }) as Record<EntityKind, string[]>;
  const result: SetResult = {
    set,
    items: 0,
    scores: {
      persons: { truePositives: 0, found: 0, judged: 0 },
      places: { truePositives: 0, found: 0, judged: 0 },
      organizations: { truePositives: 0, found: 0, judged: 0 },
    },
    missed: empty(),
    wrong: empty(),
  };
  for (const item of readJudged(file)) {
    result.items++;
    const found = canonicalEntities(finder.find(item.text));
    const judged = canonicalEntities(item);
    for (const kind of ENTITY_KINDS) {
      const gold = new Set(judged[kind]);
      const score = result.scores[kind];
      score.found += found[kind].length;
      score.judged += gold.size;
      for (const name of found[kind]) {
        if (gold.has(name)) score.truePositives++;
        else result.wrong[kind].push(`${name} (${item.source})`);
      }
      const taken = new Set(found[kind]);
      for (const name of gold) if (!taken.has(name)) result.missed[kind].push(`${name} (${item.source})`);
    }
  }
  return result;
}

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(3));

/** Report lines for the judged sets present in bench/judged/. */
export function measureEntities(verbose = false): string[] {
  const lines = ["entities (bench/judged, names under one key each):"];
  for (const set of ["dev", "test"]) {
    const file = path.join(JUDGED, `entities-${set}.jsonl`);
    if (!existsSync(file)) {
      lines.push(`  ${set}: no ${path.relative(process.cwd(), file)}`);
      continue;
    }
    const result = scoreSet(set, file);
    lines.push(`  ${set} (${result.items} items):`);
    for (const kind of ENTITY_KINDS) {
      const { truePositives, found, judged } = result.scores[kind];
      lines.push(
        `    ${kind.padEnd(13)} precision ${ratio(truePositives, found)} (${truePositives}/${found})  recall ${ratio(truePositives, judged)} (${truePositives}/${judged})`,
      );
      if (verbose) {
        lines.push(`      wrong: ${result.wrong[kind].join(", ")}`);
        lines.push(`      missed: ${result.missed[kind].join(", ")}`);
      }
    }
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(measureEntities(true).join("\n"));
