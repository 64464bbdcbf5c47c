import { z } from "zod";
import { parseArticleDate, parseDay } from "./dates.ts";
import { FIELDS, FIELD_NAMES, type FieldName } from "./fields.ts";

/** Lowercase letters, digits and single hyphens: safe in a URL and a file name, no path tricks. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const expected = (field: FieldName) => ({ error: `expected ${FIELDS[field].expected}` });

const text = (field: FieldName) =>
  z.string(expected(field)).trim().min(1, `${field} is empty: expected ${FIELDS[field].expected}`);

/** A list of names; a single name written without brackets is accepted as a list of one. */
const names = (field: FieldName) =>
  z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.string(expected(field)).trim().min(1, `${field} has an empty entry`), expected(field)),
  );

const day = (field: FieldName) =>
  z.string(expected(field)).transform((value, ctx) => {
    const parsed = parseDay(value);
    if (!parsed) ctx.addIssue({ code: "custom", message: `expected ${FIELDS[field].expected}, got "${value}"` });
    return parsed ?? "";
  });

/** A pair of spellings of one term: the Simplified form and the Traditional form. */
export const conversionPairSchema = z.strictObject({
  hans: z.string().min(1),
  hant: z.string().min(1),
});

/** Per-article (and site-wide) script-conversion rules. */
export const conversionRulesSchema = z.strictObject(
  {
    protect: z.array(z.string().min(1)).optional(),
    pairs: z.array(conversionPairSchema).optional(),
  },
  expected("conversion"),
);

export type ConversionRules = z.infer<typeof conversionRulesSchema>;

/** The front matter of one article, validated and normalised. */
export const articleSchema = z.strictObject({
  id: z
    .string(expected("id"))
    .max(80, `expected ${FIELDS.id.expected}`)
    .regex(ID_PATTERN, `expected ${FIELDS.id.expected}`)
    .refine((value) => value.length >= 3, `expected ${FIELDS.id.expected}`),
  title: text("title"),
  kicker: text("kicker").optional(),
  subtitle: text("subtitle").optional(),
  source: text("source").optional(),
  publisher: text("publisher").optional(),
  section: text("section").optional(),
  authors: names("authors").optional(),
  editor: text("editor").optional(),
  date: z.string(expected("date")).transform((value, ctx) => {
    const parsed = parseArticleDate(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `expected ${FIELDS.date.expected}, got "${value}"` });
      return z.NEVER;
    }
    return parsed;
  }),
  url: z
    .string(expected("url"))
    .trim()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), `expected ${FIELDS.url.expected}`)
    .optional(),
  captured: day("captured").optional(),
  script: z.enum(["hans", "hant"], expected("script")),
  topics: names("topics").optional(),
  persons: names("persons").optional(),
  places: names("places").optional(),
  organizations: names("organizations").optional(),
  document_number: text("document_number").optional(),
  issuers: names("issuers").optional(),
  document_type: text("document_type").optional(),
  status: z.enum(["in_force", "amended", "repealed"], expected("status")).optional(),
  effective: day("effective").optional(),
  supersedes: z.string(expected("supersedes")).regex(ID_PATTERN, `expected ${FIELDS.supersedes.expected}`).optional(),
  license: text("license").optional(),
  conversion: conversionRulesSchema.optional(),
});

/** An article's front matter after validation. */
export type ArticleMeta = z.output<typeof articleSchema>;

/** The two scripts an article can be published in. */
export type Script = ArticleMeta["script"];

/** One problem with one field, phrased for a maintainer. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Validates front matter, returning either the article or every problem found. */
export function validateFrontMatter(
  data: unknown,
): { ok: true; meta: ArticleMeta } | { ok: false; problems: FieldProblem[] } {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ field: "(front matter)", message: "expected a block of `field: value` lines between --- lines" }],
    };
  }
  const result = articleSchema.safeParse(data);
  if (result.success) return { ok: true, meta: result.data };
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const guess = closestField(key);
        problems.push({
          field: key,
          message: `unknown field${guess ? ` (did you mean "${guess}"?)` : ""}; the fields are listed in docs/articles.md`,
        });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || "(front matter)";
    const value = issue.path.reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined),
      data,
    );
    const missing = value === undefined && issue.path.length === 1;
    problems.push({
      field,
      message: missing
        ? `required field is missing: ${issue.message}`
        : `${issue.message}${describeGot(value, issue.message)}`,
    });
  }
  return { ok: false, problems };
}

function describeGot(value: unknown, message: string): string {
  if (message.includes(", got ")) return "";
  if (value === undefined) return "";
  if (value === null) return ", got an empty value";
  if (Array.isArray(value)) return ", got a list";
  if (typeof value === "object") return ", got a block of fields";
  return `, got ${typeof value === "string" ? `"${value}"` : `${typeof value} ${String(value)}`}`;
}

/** The known field closest in spelling to a mistyped one, when it is close enough to be a typo. */
function closestField(name: string): FieldName | undefined {
  let best: FieldName | undefined;
  let bestDistance = Infinity;
  for (const field of FIELD_NAMES) {
    const distance = editDistance(name.toLowerCase(), field);
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
