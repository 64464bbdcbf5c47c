// Checks the judged entity sets: npx tsx bench/judged/validate.ts. Prints the problems
// found and exits 1 when there are any; the unit test tests/unit/judged runs the same checks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One hand-annotated item: where it comes from, its text, and the names it mentions. */
export interface JudgedItem {
  /** `xwlb/<YYYYMMDD>.md#<n>`: the n-th item (from 1) under 详细新闻 of that day's file. */
  source: string;
  text: string;
  persons: string[];
  places: string[];
  organizations: string[];
}

/** The entity types, in the order the files list them. */
export const ENTITY_TYPES = ["persons", "places", "organizations"] as const;

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The judged sets' files. */
export const JUDGED_FILES = {
  dev: path.join(HERE, "entities-dev.jsonl"),
  test: path.join(HERE, "entities-test.jsonl"),
};

const SOURCE = /^xwlb\/(\d{8})\.md#([1-9]\d*)$/;

/** Reads a judged set: one JSON object a line. */
export function readJudged(file: string): JudgedItem[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as JudgedItem);
}

/** The day (YYYYMMDD) of a source key, or undefined when the key is malformed. */
export function sourceDay(source: string): string | undefined {
  return SOURCE.exec(source)?.[1];
}

/** Problems within one set: malformed sources, names not in the text, duplicates, names under two types. */
export function setProblems(name: string, items: JudgedItem[]): string[] {
  const problems: string[] = [];
  const sources = new Set<string>();
  for (const item of items) {
    const at = `${name} ${item.source}`;
    if (!sourceDay(item.source)) problems.push(`${at}: source is not xwlb/YYYYMMDD.md#n`);
    if (sources.has(item.source)) problems.push(`${at}: source listed twice`);
    sources.add(item.source);
    if (typeof item.text !== "string" || item.text.trim() === "") problems.push(`${at}: empty text`);
    const typeOf = new Map<string, string>();
    for (const type of ENTITY_TYPES) {
      const names = item[type];
      if (!Array.isArray(names)) {
        problems.push(`${at}: ${type} is not a list`);
        continue;
      }
      const seen = new Set<string>();
      for (const entity of names) {
        if (typeof entity !== "string" || entity.trim() !== entity || entity === "") {
          problems.push(`${at}: ${type} has a blank or padded name ${JSON.stringify(entity)}`);
          continue;
        }
        if (!item.text.includes(entity)) problems.push(`${at}: ${type} name ${entity} is not in the text`);
        if (seen.has(entity)) problems.push(`${at}: ${type} lists ${entity} twice`);
        seen.add(entity);
        const other = typeOf.get(entity);
        if (other && other !== type) problems.push(`${at}: ${entity} is listed as ${other} and ${type}`);
        typeOf.set(entity, type);
      }
    }
  }
  return problems;
}

/** Problems between the sets: a day in both dev and test. */
export function overlapProblems(dev: JudgedItem[], test: JudgedItem[]): string[] {
  const testDays = new Set(test.map((item) => sourceDay(item.source)));
  return dev
    .filter((item) => testDays.has(sourceDay(item.source)))
    .map((item) => `dev ${item.source}: its day is also in the test set`);
}

/** Every problem of the two judged sets. */
export function judgedProblems(dev: JudgedItem[], test: JudgedItem[]): string[] {
  return [...setProblems("dev", dev), ...setProblems("test", test), ...overlapProblems(dev, test)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dev = readJudged(JUDGED_FILES.dev);
  const test = readJudged(JUDGED_FILES.test);
  const problems = judgedProblems(dev, test);
  for (const problem of problems) console.log(problem);
  for (const [name, items] of [
    ["dev", dev],
    ["test", test],
  ] as const) {
    const counts = ENTITY_TYPES.map((type) => `${type} ${items.reduce((sum, item) => sum + item[type].length, 0)}`);
    console.log(`${name}: ${items.length} items; ${counts.join(", ")}`);
  }
  process.exit(problems.length > 0 ? 1 : 0);
}
