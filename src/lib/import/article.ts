import path from "node:path";
import { parseArticleDate } from "../article/dates.ts";
import { makeArticleId } from "../article/ids.ts";
import { ARTICLES_DIR } from "../article/load.ts";
import { validateFrontMatter, type ArticleMeta, type Script } from "../article/schema.ts";
import { serializeArticle } from "../article/serialize.ts";
import { detectScript, MIXED_MIN } from "../cleanup/script.ts";
import type { Draft, ImportWarning } from "./draft.ts";

/**
 * The last step of an import: a draft from any reader becomes an article of the
 * archive, with its id and script, checked by the same schema as the build.
 */

/** An article ready to be written. */
export interface ImportedArticle {
  meta: ArticleMeta;
  body: string;
  /** The whole file as it will be written. */
  text: string;
  /** Path inside the archive folder, with forward slashes: articles/YYYY/MM/<id>.md. */
  file: string;
  warnings: ImportWarning[];
  /** The original has a title and no body: the body is TITLE_ONLY_NOTE. */
  titleOnly: boolean;
}

/** Choices the maintainer makes for a whole run. */
export interface FinishOptions {
  /** The script to record when the text does not show it (no script-specific characters). */
  script?: Script;
  /** Fields for every article (--set), used where the draft does not give them. */
  fields?: Record<string, unknown>;
  /** Write an article that has a title and no body, with TITLE_ONLY_NOTE as its body. */
  keepTitleOnly?: boolean;
}

/**
 * The body of an article whose original has a title and no text (a video report in a
 * news feed), in each script, so that the page says why there is nothing to read.
 */
export const TITLE_ONLY_NOTE: Record<Script, string> = {
  hans: "（原文只有标题，没有正文。）",
  hant: "（原文只有標題，沒有正文。）",
};

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The seed of a new article's id: its source (or site) and its first headline line,
 * the kicker when there is one. makeArticleId adds the day. For the sample article:
 * makeArticleId("2020-03-04", "山西日報\n樓陽生對脫貧攻堅提出要求") = 2020-03-04-1h89qg.
 */
export function idSeed(fields: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return `${text(fields.source) || text(fields.publisher)}\n${text(fields.kicker) || text(fields.title)}`;
}

/** The path of an article inside the archive folder: articles/YYYY/MM/<id>.md. */
export function articlePath(meta: ArticleMeta): string {
  const [year, month] = meta.date.day.split("-");
  return path.posix.join(ARTICLES_DIR, year ?? "0000", month ?? "00", `${meta.id}.md`);
}

/**
 * Completes and checks a draft: records its script (detected unless given), makes
 * its id (unless given), validates the front matter and lays out the file.
 * Returns the problems instead when the article cannot be written.
 */
export function finishDraft(
  draft: Draft,
  options: FinishOptions = {},
): { ok: true; article: ImportedArticle } | { ok: false; problems: string[]; titleOnly: boolean } {
  const data: Record<string, unknown> = { ...options.fields };
  for (const [field, value] of Object.entries(draft.fields)) if (value !== undefined) data[field] = value;
  const warnings = [...draft.warnings];
  const problems: string[] = [];

  if (data.date === undefined) {
    problems.push(
      draft.missingDate ??
        "no publication date found: the copy needs a line such as 发布时间：2020-03-04 07:41 under the headline (or a date field in JSONL), or give it for the run with --set date=2020-03-04",
    );
  }
  const text = [data.kicker, data.title, data.subtitle, draft.body]
    .filter((value) => typeof value === "string")
    .join("\n");
  const found = detectScript(text);
  const shares = `${pct(found.hantShare)} Traditional-only and ${pct(found.hansShare)} Simplified-only characters`;
  if (data.script === undefined) {
    if (found.hans + found.hant === 0) {
      data.script = options.script ?? "hans";
      if (!options.script) {
        warnings.push({
          message:
            "the text has no characters that differ between the scripts: recorded script: hans; change it if the original is Traditional",
        });
      }
    } else {
      data.script = found.hant > found.hans ? "hant" : "hans";
      if (found.script === "mixed") {
        warnings.push({
          message: `the text mixes scripts (${shares}): recorded script: ${String(data.script)}, the majority; check the original`,
        });
      }
    }
  } else if (
    found.script !== "mixed" &&
    found.script !== data.script &&
    Math.max(found.hans, found.hant) >= MIXED_MIN
  ) {
    warnings.push({
      message: `script is given as ${String(data.script)} but the text looks like ${found.script} (${shares})`,
    });
  }

  if (data.id === undefined && typeof data.date === "string") {
    const date = parseArticleDate(data.date);
    if (date) data.id = makeArticleId(date.day, idSeed(data));
  }
  const checked = validateFrontMatter(data);
  if (!checked.ok) {
    // A missing date has been explained above, in the terms of the input.
    const reported = checked.problems.filter(({ field }) => !(field === "date" && data.date === undefined));
    problems.push(...reported.map(({ field, message }) => `${field}: ${message}`));
  }
  const titleOnly = draft.body.trim() === "";
  if (titleOnly && !options.keepTitleOnly) {
    problems.push(
      "the article has a title and no body text (a video report, say); use --keep-title-only to write it with a note saying so",
    );
  }
  if (!checked.ok || problems.length > 0) return { ok: false, problems: [...new Set(problems)], titleOnly };

  const { meta } = checked;
  const body = titleOnly ? `${TITLE_ONLY_NOTE[meta.script]}\n` : draft.body;
  return {
    ok: true,
    article: { meta, body, text: serializeArticle(meta, body), file: articlePath(meta), warnings, titleOnly },
  };
}
