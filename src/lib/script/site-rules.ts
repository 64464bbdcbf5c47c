import { readFile } from "node:fs/promises";
import path from "node:path";
import { conversionRulesSchema, type ConversionRules } from "../article/schema.ts";
import { readSettingsYaml } from "../site/settings-yaml.ts";

/** The site rules file, relative to the content folder. */
export const SITE_RULES_FILE = "conversion.yaml";

/** A site rules file that cannot be used; the message names the file, the line or field, and what was expected. */
export class SiteRulesError extends Error {
  constructor(
    readonly file: string,
    /** Every problem found, one per line of the message. */
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? (problems[0] ?? "") : `\n  ${problems.join("\n  ")}`}`);
    this.name = "SiteRulesError";
  }
}

/**
 * Reads and checks content/conversion.yaml (or another rules file). A missing file
 * means no site rules, since the file is optional; a malformed one throws SiteRulesError.
 */
export async function loadSiteRules(file: string): Promise<ConversionRules> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  return parseSiteRules(text, file);
}

/** The path of the site rules file inside a content folder. */
export function siteRulesPath(contentDir: string): string {
  return path.join(contentDir, SITE_RULES_FILE);
}

/**
 * Parses the text of a site rules file; `file` is only used in messages. An empty file, or
 * one with only comments, holds no rules.
 */
export function parseSiteRules(text: string, file: string): ConversionRules {
  const yaml = readSettingsYaml(text);
  if ("problems" in yaml) throw new SiteRulesError(file, yaml.problems);
  const { data } = yaml;
  if (data === null || data === undefined) return {};
  const result = conversionRulesSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}: only "protect" and "pairs" are allowed (see docs/conversion.md)`;
    }
    const where = issue.path.length > 0 ? describePath(issue.path) : "the file";
    const line = yaml.lineOf(issue.path);
    return `${line === undefined ? "" : `line ${line}: `}${where}: ${explain(issue.message, issue.path)}`;
  });
  throw new SiteRulesError(file, problems);
}

/** Turns a zod path such as ["pairs", 2, "hant"] into "pairs, entry 3, hant", the way a maintainer counts. */
function describePath(issuePath: readonly PropertyKey[]): string {
  return issuePath.map((key) => (typeof key === "number" ? `entry ${key + 1}` : String(key))).join(", ");
}

function explain(message: string, issuePath: readonly PropertyKey[]): string {
  const last = issuePath[issuePath.length - 1];
  if (issuePath.length === 0) return `${message}: expected "protect:" and/or "pairs:" lists`;
  if (last === "protect") return "expected a list of terms, such as [习近平, 余秋雨]";
  if (last === "pairs") return "expected a list of pairs, such as - { hans: 新征程, hant: 新征程 }";
  if (last === "hans" || last === "hant")
    return `expected the term in ${last === "hans" ? "Simplified" : "Traditional"} script as non-empty text`;
  if (issuePath[0] === "pairs" && typeof last === "number")
    return "expected a pair such as { hans: 新征程, hant: 新征程 }";
  if (issuePath[0] === "protect" && typeof last === "number") return "expected a term as non-empty text";
  return message;
}
