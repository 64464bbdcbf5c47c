import { cleanLine } from "../cleanup/text.ts";
import { normalizeLineEnds } from "../cleanup/whitespace.ts";
import { parseBreadcrumb, parseByline, parseEditorLine, splitEditorTail, type Byline } from "./byline.ts";
import { addStats, ImportError, type Draft, type ImportWarning } from "./draft.ts";
import { assignHeadlines } from "./headline.ts";
import { paragraphsToMarkdown } from "./markdown.ts";
import { mojibakeWarnings } from "./warnings.ts";
import { dropWidget, pageWidgetsOf } from "./widgets.ts";

/**
 * Raw text copied from a web page, as a reader selects and copies it: the site's
 * breadcrumb, the headline block (one to three lines), the source/author/time
 * line, the paragraphs, and the responsible editor at the end. Each line is one
 * paragraph; blank lines do not matter.
 */

/** The byline is looked for this many lines below the breadcrumb: a headline block is at most three lines. */
const BYLINE_SEARCH = 6;

interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/**
 * Reads a raw copy into a draft: cleans every line, then finds the metadata lines
 * and the body. Throws ImportError when no headline is left.
 */
export function readRawCopy(source: string): Draft {
  const warnings: ImportWarning[] = [];
  const stats = { pinyin: 0, punctuation: 0 };
  const lines: Line[] = [];
  normalizeLineEnds(source)
    .split("\n")
    .forEach((raw, index) => {
      const cleaned = cleanLine(raw);
      addStats(stats, cleaned);
      warnings.push(...mojibakeWarnings(cleaned.mojibake, () => index + 1));
      if (cleaned.text !== "") lines.push({ number: index + 1, text: cleaned.text });
    });
  if (lines.length === 0) throw new ImportError("the file has no text");
  dropHeadWidgets(lines, warnings);

  const fields: Record<string, unknown> = {};
  let next = 0;
  const crumb = parseBreadcrumb(lines[0]?.text ?? "");
  if (crumb) {
    Object.assign(fields, crumb);
    next = 1;
  }

  // The byline closes the headline block; consecutive byline lines are read together.
  let bylineAt = -1;
  for (let i = next; i < Math.min(lines.length, next + BYLINE_SEARCH); i++) {
    if (closesHeadline(lines[i]?.text ?? "")) {
      bylineAt = i;
      break;
    }
  }
  let headlineLines: Line[];
  let bodyFrom: number;
  if (bylineAt < 0) {
    headlineLines = lines.slice(next, next + 1);
    bodyFrom = next + 1;
    warnings.push({
      line: lines[next]?.number ?? 1,
      message:
        "no source/date line (such as 来源：… 2020-03-04 07:41) under the headline: only the first line was taken as the title; add the date to the copy, or give it with --set date=…",
    });
  } else {
    headlineLines = lines.slice(next, bylineAt);
    const byline: Byline = {};
    bodyFrom = bylineAt;
    // A widget line (【字体：大 中 小】) reads as a byline too; it is left for the body's start, which reports it.
    const bylineOf = (i: number) => {
      const text = lines[i]?.text ?? "";
      return pageWidgetsOf(text).length === 0 ? parseByline(text) : undefined;
    };
    for (let parsed = bylineOf(bodyFrom); parsed; parsed = bylineOf(bodyFrom)) {
      for (const [key, value] of Object.entries(parsed)) {
        if (value !== undefined && !(key in byline)) Object.assign(byline, { [key]: value });
      }
      bodyFrom++;
    }
    Object.assign(fields, byline);
  }

  if (headlineLines.length > 3) {
    const dropped = headlineLines.slice(0, headlineLines.length - 3);
    warnings.push({
      line: dropped[0]?.number ?? 1,
      message: `more than three lines above the source/date line; the last three were taken as the headline and these left out: ${dropped.map((line) => `«${line.text}»`).join(", ")}`,
    });
    headlineLines = headlineLines.slice(-3);
  }
  const headline = assignHeadlines(headlineLines.map((line) => line.text));
  if (!headline)
    throw new ImportError("no headline: the copy has no line before its source/date line", lines[next]?.number);
  fields.title = headline.title;
  if (headline.kicker !== undefined) fields.kicker = headline.kicker;
  if (headline.subtitle !== undefined) fields.subtitle = headline.subtitle;
  if (headline.guess) {
    warnings.push({
      line: headlineLines[0]?.number ?? 1,
      message: `two headline lines: took it that ${headline.guess}; check the front matter`,
    });
  }

  const body = lines.slice(bodyFrom);
  while (body[0] && dropWidget(body[0], warnings)) body.shift();
  dropTail(body, fields, warnings);
  return { fields, body: paragraphsToMarkdown(body.map((line) => line.text)), warnings, stats };
}

/**
 * Whether a line is the byline that closes the headline block. An editor line alone
 * (（责编：张三）) is not: in a short copy it is the end of the article, and taking it
 * for the byline would make the paragraphs above it headlines.
 */
function closesHeadline(text: string): boolean {
  return parseByline(text) !== undefined && parseEditorLine(text) === undefined;
}

/**
 * Removes page widgets above the headline: any among the lines up to the byline (or,
 * without one, among as many lines as the byline is looked for in).
 */
function dropHeadWidgets(lines: Line[], warnings: ImportWarning[]): void {
  let kept = 0;
  for (let i = 0; i < lines.length && kept <= BYLINE_SEARCH;) {
    const line = lines[i] as Line;
    if (dropWidget(line, warnings)) {
      lines.splice(i, 1);
      continue;
    }
    if (closesHeadline(line.text)) return;
    kept++;
    i++;
  }
}

/**
 * Removes page widgets from the end of the body and takes the responsible editor
 * (a line of its own, or a note closing the last paragraph) into the fields;
 * widgets may stand on either side of the editor line.
 */
function dropTail(body: Line[], fields: Record<string, unknown>, warnings: ImportWarning[]): void {
  const dropTrailing = () => {
    for (let last = body.at(-1); last && dropWidget(last, warnings); last = body.at(-1)) body.pop();
  };
  dropTrailing();
  const editor = parseEditorLine(body.at(-1)?.text ?? "");
  if (editor !== undefined) {
    fields.editor ??= editor;
    body.pop();
    dropTrailing();
  }
  const last = body.at(-1);
  const tail = last && editor === undefined ? splitEditorTail(last.text) : undefined;
  if (last && tail) {
    fields.editor ??= tail.editor;
    last.text = tail.text;
  }
}
