import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ENTITY_KINDS, type EntityKind } from "./types.ts";
import { readSettingsYaml } from "../site/settings-yaml.ts";

/** The corrections file, relative to the content folder. */
export const ENTITY_CORRECTIONS_FILE = "entities.yaml";

/** The maintainer's corrections to what the finder finds (content/entities.yaml). */
export interface EntityCorrections {
  /** Whether names are found in the text at all (`find: false` turns the finder off). */
  find: boolean;
  /** A written form → the one name it stands for (发改委 → 国家发展和改革委员会). */
  aliases: ReadonlyMap<string, string>;
  /** Names never taken, whatever finds them. */
  never: ReadonlySet<string>;
  /** Names always taken wherever they appear, with their kind. */
  always: readonly { name: string; kind: EntityKind }[];
}

/** No corrections: what an archive without entities.yaml has. */
export const NO_CORRECTIONS: EntityCorrections = { find: true, aliases: new Map(), never: new Set(), always: [] };

/** A corrections file that cannot be used; the message names the file, the line and what was expected. */
export class EntityCorrectionsError extends Error {
  // Fields declared, not parameter properties: the name-finding thread runs this file as plain
  // TypeScript, which Node reads only when its types can simply be erased.
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.length === 1 ? (problems[0] ?? "") : `\n  ${problems.join("\n  ")}`}`);
    this.name = "EntityCorrectionsError";
    this.file = file;
    this.problems = problems;
  }
}

const name = z
  .string()
  .trim()
  .min(1)
  .refine((value) => !/\s/.test(value), "a name has no spaces");
const names = z.array(name);
const schema = z
  .object({
    find: z.boolean().optional(),
    aliases: z.record(name, name).optional(),
    never: names.optional(),
    always: z
      .object({ persons: names.optional(), places: names.optional(), organizations: names.optional() })
      .strict()
      .optional(),
  })
  .strict();

/** The path of the corrections file inside a content folder. */
export function entityCorrectionsPath(contentDir: string): string {
  return path.join(contentDir, ENTITY_CORRECTIONS_FILE);
}

/** Reads content/entities.yaml; a missing file means no corrections. */
export function loadEntityCorrections(
  file: string,
  toSimplified: (text: string) => string = (t) => t,
): EntityCorrections {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return NO_CORRECTIONS;
    throw error;
  }
  return parseEntityCorrections(text, file, toSimplified);
}

/**
 * Parses a corrections file; `file` is only used in messages. Names may be written in
 * either script: `toSimplified` gives each its one key.
 */
export function parseEntityCorrections(
  text: string,
  file: string,
  toSimplified: (text: string) => string = (t) => t,
): EntityCorrections {
  const yaml = readSettingsYaml(text);
  if ("problems" in yaml) throw new EntityCorrectionsError(file, yaml.problems);
  const { data } = yaml;
  if (data === null || data === undefined) return NO_CORRECTIONS;
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new EntityCorrectionsError(
      file,
      result.error.issues.map((issue) => {
        const line = yaml.lineOf(issue.path);
        const where = issue.path.length > 0 ? issue.path.map(String).join(", ") : "the file";
        return `${line === undefined ? "" : `line ${line}: `}${where}: ${explain(issue)}`;
      }),
    );
  }
  const aliases = new Map<string, string>();
  for (const [form, target] of Object.entries(result.data.aliases ?? {}))
    aliases.set(toSimplified(form), toSimplified(target));
  const never = new Set((result.data.never ?? []).map(toSimplified));
  const always = ENTITY_KINDS.flatMap((kind) =>
    (result.data.always?.[kind] ?? []).map((entry) => ({ name: toSimplified(entry), kind })),
  );
  const problems: string[] = [];
  for (const [form, target] of aliases) {
    if (form === target) problems.push(`aliases, ${form}: a name is its own alias`);
    if (aliases.has(target))
      problems.push(
        `aliases, ${form}: ${target} is itself an alias of ${aliases.get(target)}; point ${form} at ${aliases.get(target)}`,
      );
    if (never.has(target)) problems.push(`aliases, ${form}: ${target} is also under never`);
  }
  const seen = new Map<string, EntityKind>();
  for (const { name: entry, kind } of always) {
    if (never.has(entry)) problems.push(`always, ${kind}: ${entry} is also under never`);
    const other = seen.get(entry);
    if (other) problems.push(`always: ${entry} is under both ${other} and ${kind}`);
    seen.set(entry, kind);
  }
  if (problems.length > 0) throw new EntityCorrectionsError(file, problems);
  return { find: result.data.find ?? true, aliases, never, always };
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}: expected find, aliases, never, always (persons, places, organizations); see docs/entities.md`;
  const last = issue.path[issue.path.length - 1];
  if (last === "find") return "expected true or false";
  if (last === "aliases") return "expected a mapping of written forms to names, such as 发改委: 国家发展和改革委员会";
  if (last === "never") return "expected a list of names, such as [央视网]";
  if (last === "always") return "expected persons:, places: and/or organizations: lists";
  if (typeof last === "string" && (ENTITY_KINDS as readonly string[]).includes(last)) return "expected a list of names";
  return `expected a name with no spaces (${issue.message})`;
}
