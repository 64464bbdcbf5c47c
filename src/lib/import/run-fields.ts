import { parseDocument } from "yaml";
import { validateFrontMatter } from "../article/schema.ts";

/**
 * Fields given for every input of a run (`--set date=2017-12-04 --set source=新华网`),
 * for what the copies lack. Each value is read as front matter reads it (YAML, so a
 * list is written `[李全宏, 王成]`) and checked by the article schema before anything
 * is imported. A field the copy itself gives wins over the one given for the run.
 */

/** Fields that cannot be the same for every input, with what to do instead. */
const PER_ARTICLE: Record<string, string> = {
  id: "every article needs its own id; ids are made from the day, the source and the headline",
  script: "use --script, which records the script for texts that do not show it",
  supersedes:
    "versions are linked automatically, by title and date; to link one by hand, set supersedes in that article's front matter",
};

/**
 * Reads `field=value` options into fields, or every problem with them, phrased
 * for the maintainer (the option, then what is wrong).
 */
export function parseRunFields(
  options: readonly string[],
): { ok: true; fields: Record<string, unknown> } | { ok: false; problems: string[] } {
  const fields: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const option of options) {
    const equals = option.indexOf("=");
    const field = equals < 0 ? "" : option.slice(0, equals).trim();
    if (field === "") {
      problems.push(`--set ${option}: expected field=value, such as --set date=2017-12-04`);
      continue;
    }
    if (field in fields) {
      problems.push(`--set ${option}: ${field} is set twice`);
      continue;
    }
    if (PER_ARTICLE[field]) {
      problems.push(`--set ${option}: ${PER_ARTICLE[field]}`);
      continue;
    }
    const value = parseDocument(option.slice(equals + 1));
    if (value.errors.length > 0) {
      problems.push(`--set ${option}: ${value.errors[0]?.message.split("\n")[0] ?? "not a valid value"}`);
      continue;
    }
    fields[field] = value.toJS();
  }
  const checked = validateFrontMatter(fields);
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const field = problem.field.split(".")[0] ?? "";
      if (field in fields) problems.push(`--set ${field}: ${problem.message}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}
