import { AMBIGUOUS_TO_HANS, AMBIGUOUS_TO_HANT } from "./ambiguous-chars.ts";
import type { Converter, DetailedConversion } from "./converter.ts";
import { directionName, type Direction } from "./direction.ts";
import { LEARNED_HANT, SINGLE_RELIABILITY } from "./learned.ts";
import { outputOffset } from "./offsets.ts";
import type { Rule } from "./rules.ts";

/** One place in the text, with a little context before and after, in the source and in the output. */
export interface Place {
  /** 1-based line and column (in characters) in the text given to the report. */
  line: number;
  column: number;
  before: string;
  text: string;
  after: string;
  outBefore: string;
  outText: string;
  outAfter: string;
}

/** One ambiguous character: how often it occurs, what it became, and a few places. */
export interface AmbiguousCharacter {
  char: string;
  /** The forms it can take in the other script. */
  candidates: readonly string[];
  count: number;
  /** What it became, most frequent first. */
  outcomes: { form: string; count: number }[];
  /** A few places, the rarest outcomes first, then in text order. */
  examples: Place[];
}

/** One override rule and where it fired. */
export interface RuleFiring {
  rule: Rule;
  count: number;
  examples: Place[];
}

/** A rule whose term occurs in the text but which did not fire there. */
export interface RuleNotApplied {
  rule: Rule;
  count: number;
  examples: Place[];
}

/** What a maintainer needs to decide whether an article needs conversion rules. */
export interface AmbiguityReport {
  direction: Direction;
  /** Ambiguous characters outside override rules; characters with mixed outcomes first. */
  characters: AmbiguousCharacter[];
  /** Override rules that fired, most frequent first. */
  rules: RuleFiring[];
  /** Rule terms read as part of another word (其余秋雨 is 其余 + 秋雨), or kept out by a guard (三十余华人). */
  notApplied: RuleNotApplied[];
}

/** Options for reportAmbiguities. */
export interface ReportOptions {
  /** Characters of context on each side of a place (default 8). */
  context?: number;
  /** Places listed per character or rule (default 3). */
  examples?: number;
}

/**
 * Lists, for a text converted in the converter's direction, the characters whose
 * conversion depends on context, the override rules that fired, and rule terms that
 * occur but did not fire. Plain data; formatAmbiguityReport turns it into text.
 */
export function reportAmbiguities(text: string, converter: Converter, options: ReportOptions = {}): AmbiguityReport {
  const contextSize = options.context ?? 8;
  const exampleCount = options.examples ?? 3;
  const conversion = converter.convertDetailed(text);
  const { source, output, spans } = conversion;
  const lines = lineStarts(source);
  const place = (from: number, to: number): Place => placeAt(conversion, lines, from, to, contextSize);
  const table = converter.direction.to === "hant" ? AMBIGUOUS_TO_HANT : AMBIGUOUS_TO_HANS;

  // Ambiguous characters, outside spans an override decided.
  const byChar = new Map<string, { offset: number; form: string }[]>();
  const fired = new Map<Rule, number[]>();
  for (const span of spans) {
    if (span.rule) {
      const offsets = fired.get(span.rule) ?? [];
      offsets.push(span.from);
      fired.set(span.rule, offsets);
      continue;
    }
    let out = span.outFrom;
    for (let i = span.from; i < span.to;) {
      const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
      const outChar = String.fromCodePoint(output.codePointAt(out) ?? 0);
      if (table.has(char)) {
        const list = byChar.get(char) ?? [];
        list.push({ offset: i, form: span.aligned ? outChar : "?" });
        byChar.set(char, list);
      }
      i += char.length;
      out += outChar.length;
    }
  }
  const characters: AmbiguousCharacter[] = [...byChar].map(([char, places]) => {
    const counts = new Map<string, number>();
    for (const { form } of places) counts.set(form, (counts.get(form) ?? 0) + 1);
    const outcomes = [...counts].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count);
    // Rarest outcome first: a single 后 among a hundred 後 is the one worth checking.
    const chosen: number[] = [];
    for (const { form } of [...outcomes].reverse()) {
      const first = places.find((p) => p.form === form);
      if (first && chosen.length < exampleCount) chosen.push(first.offset);
    }
    for (const { offset } of places) {
      if (chosen.length >= exampleCount) break;
      if (!chosen.includes(offset)) chosen.push(offset);
    }
    chosen.sort((a, b) => a - b);
    return {
      char,
      candidates: table.get(char) ?? [],
      count: places.length,
      outcomes,
      examples: chosen.map((offset) => place(offset, offset + char.length)),
    };
  });
  characters.sort((a, b) => Number(b.outcomes.length > 1) - Number(a.outcomes.length > 1) || b.count - a.count);

  const rules: RuleFiring[] = [...fired]
    .map(([rule, offsets]) => ({
      rule,
      count: offsets.length,
      examples: offsets.slice(0, exampleCount).map((offset) => place(offset, offset + rule.term.length)),
    }))
    .sort((a, b) => b.count - a.count);

  // Occurrences of rule terms where no rule fired.
  const firedAt = new Set(spans.filter((span) => span.rule).map((span) => `${span.from}:${span.rule?.term ?? ""}`));
  const covered = spans.filter((span) => span.rule);
  const notApplied: RuleNotApplied[] = [];
  for (const rule of converter.rules) {
    const offsets: number[] = [];
    for (let at = source.indexOf(rule.term); at >= 0; at = source.indexOf(rule.term, at + 1)) {
      if (firedAt.has(`${at}:${rule.term}`)) continue;
      // Inside a longer rule that fired: that rule decided, nothing to report.
      if (covered.some((span) => span.from <= at && at + rule.term.length <= span.to)) continue;
      offsets.push(at);
    }
    if (offsets.length > 0) {
      notApplied.push({
        rule,
        count: offsets.length,
        examples: offsets.slice(0, exampleCount).map((offset) => place(offset, offset + rule.term.length)),
      });
    }
  }
  return { direction: converter.direction, characters, rules, notApplied };
}

/** Formats a report as indented plain text for a terminal, or "" when there is nothing to say. */
export function formatAmbiguityReport(report: AmbiguityReport): string {
  const out: string[] = [];
  const show = (p: Place): string =>
    `    ${p.line}:${p.column}  …${p.before}【${p.text}】${p.after}… → …${p.outBefore}【${p.outText}】${p.outAfter}…`;
  if (report.characters.length > 0) {
    const total = report.characters.reduce((sum, c) => sum + c.count, 0);
    out.push(
      `ambiguous characters (${directionName(report.direction)}): ${report.characters.length} kinds in ${total} places`,
    );
    for (const c of report.characters) {
      const outcomes = c.outcomes.map((o) => `${o.form} ×${o.count}`).join(", ");
      out.push(`  ${c.char} → ${outcomes}   (can be ${c.candidates.join(" ")})`);
      out.push(...c.examples.map(show));
    }
  }
  if (report.rules.length > 0) {
    out.push("override rules that fired:");
    for (const r of report.rules) {
      out.push(`  ${r.rule.term} → ${r.rule.output} ×${r.count}   [${describeRule(r.rule)}]`);
      out.push(...r.examples.map(show));
    }
  }
  if (report.notApplied.length > 0) {
    out.push("rule terms found but not applied (read as part of another word, or after a number):");
    for (const r of report.notApplied) {
      out.push(`  ${r.rule.term} ×${r.count}   [${describeRule(r.rule)}]`);
      out.push(...r.examples.map(show));
    }
  }
  return out.join("\n");
}

function describeRule(rule: Rule): string {
  return `${rule.layer} ${rule.kind}${rule.note ? `: ${rule.note}` : ""}`;
}

/**
 * The text of a Markdown body as the report should see it: code, HTML tags, URLs and
 * translate="no" spans are blanked out with spaces, so they are not reported and lines
 * and columns still match the file.
 */
export function reportableMarkdown(body: string): string {
  const blank = (match: string): string => match.replace(/[^\n]/g, " ");
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/(`+)[^`\n][\s\S]*?\1/g, blank)
    .replace(/<([a-z][a-z0-9]*)\b[^>]*\btranslate\s*=\s*["']?no["']?[^>]*>[\s\S]*?<\/\1\s*>/gi, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/<\/?[a-z][^>\n]*>/gi, blank)
    .replace(/\]\([^)\n]*\)/g, blank)
    .replace(/https?:\/\/[^\s)<>]+/g, blank);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function placeAt(
  conversion: DetailedConversion,
  lines: readonly number[],
  from: number,
  to: number,
  size: number,
): Place {
  const { source, output } = conversion;
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] ?? 0) <= from) low = mid;
    else high = mid - 1;
  }
  const lineStart = lines[low] ?? 0;
  const lineEnd = lines[low + 1] === undefined ? source.length : (lines[low + 1] ?? 0) - 1;
  const start = back(source, from, size, lineStart);
  const end = forward(source, to, size, lineEnd);
  const [outStart, outFrom, outTo, outEnd] = [start, from, to, end].map((offset) =>
    outputOffset(conversion, offset),
  ) as [number, number, number, number];
  return {
    line: low + 1,
    column: [...source.slice(lineStart, from)].length + 1,
    before: squash(source.slice(start, from)),
    text: source.slice(from, to),
    after: squash(source.slice(to, end)),
    outBefore: squash(output.slice(outStart, outFrom)),
    outText: output.slice(outFrom, outTo),
    outAfter: squash(output.slice(outTo, outEnd)),
  };
}

/** Steps back `count` characters (code points), not past `limit`. */
function back(text: string, offset: number, count: number, limit: number): number {
  let i = offset;
  for (let n = 0; n < count && i > limit; n++)
    i -= i - 2 >= limit && /[\udc00-\udfff]/.test(text.charAt(i - 1)) ? 2 : 1;
  return i;
}

/** Steps forward `count` characters (code points), not past `limit`. */
function forward(text: string, offset: number, count: number, limit: number): number {
  let i = offset;
  for (let n = 0; n < count && i < limit; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return Math.min(i, limit);
}

/** Runs of blanks (including blanked-out markup) shown as one space, so contexts stay readable. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** A decision the engine is unsure of, gathered across the archive. */
export interface UncertainPhrase {
  /** The word before, the character decided, and the word after. */
  before: string;
  char: string;
  after: string;
  /** What the character became, and how often. */
  forms: Map<string, number>;
  evidence: string;
  count: number;
  /** The first place it was seen: file, line and column, and the line's text around it in both scripts. */
  example: { file: string; line: number; column: number; source: string; output: string };
}

/** A learned word, a name or an override rule, with how often it fired across the archive. */
export interface ArchiveFiring {
  label: string;
  evidence: string;
  count: number;
}

/**
 * Lone characters whose usual form is right in news text although the training text (laws)
 * rarely has them alone in that sense: 了 as a particle stays 了.
 */
const RELIABLE_ALONE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["hans→hant", new Set(["了"])],
  ["hant→hans", new Set(["於"])],
]);

/** Least share of right conversions, in the training text, for a lone character to count as reliable. */
const RELIABLE_SHARE = 0.95;

/**
 * The ambiguity report for a whole archive: only the decisions the engine is unsure of (an
 * ambiguous character standing alone as a word, where authentic text shows OpenCC's usual
 * form is not reliable or never saw it alone; a surname guessed from its position), one
 * line per phrase (the character with its neighbouring words) ranked by number of places,
 * and the learned words, names and override rules that fired.
 */
export class ArchiveAmbiguities {
  readonly #phrases = new Map<string, UncertainPhrase>();
  readonly #fired = new Map<string, ArchiveFiring>();
  #articles = 0;
  #places = 0;

  /** Adds one article's text (as reportableMarkdown gives it), converted by its converter. */
  add(file: string, text: string, converter: Converter): void {
    this.#articles++;
    const explained = converter.explain(text);
    const { source, output, words } = explained;
    const direction = directionName(converter.direction);
    const table = converter.direction.to === "hant" ? AMBIGUOUS_TO_HANT : AMBIGUOUS_TO_HANS;
    const outAt = outputIndex(explained);
    words.forEach((word, index) => {
      const term = source.slice(word.from, word.to);
      if (word.evidence === "rule" || word.evidence === "learned" || word.evidence === "name") {
        const out = output.slice(outAt(word.from), outAt(word.to));
        const label = `${term} → ${out}`;
        const evidence =
          word.evidence === "rule"
            ? word.rule
              ? describeRule(word.rule)
              : "rule"
            : describeEvidence(word.evidence, term);
        const key = `${direction}|${word.evidence}|${label}`;
        const firing = this.#fired.get(key) ?? { label, evidence, count: 0 };
        firing.count++;
        this.#fired.set(key, firing);
        return;
      }
      if (word.evidence !== "character" && word.evidence !== "surname") return;
      for (let i = word.from; i < word.to;) {
        const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
        const at = i;
        i += char.length;
        if (!table.has(char)) continue;
        if (word.evidence === "character" && reliableAlone(char, direction)) continue;
        // The neighbouring words (inside a run of lone characters, the neighbouring characters).
        const previous = words[index - 1];
        const next = words[index + 1];
        const before = at > word.from ? source.slice(at - 1, at) : previous ? source.slice(previous.from, at) : "";
        const after = i < word.to ? source.slice(i, i + 1) : next ? source.slice(i, next.to) : "";
        const form = output.slice(outAt(at), outAt(i));
        // One line per phrase: the character with the word after it (the word before varies most).
        const key = `${direction}|${char}|${after}`;
        let phrase = this.#phrases.get(key);
        if (!phrase) {
          phrase = {
            before: squash(before),
            char,
            after: squash(after),
            forms: new Map(),
            evidence: word.evidence === "surname" ? "surname by position" : loneEvidence(char, direction),
            count: 0,
            example: exampleAt(file, source, output, at, outAt),
          };
          this.#phrases.set(key, phrase);
        }
        phrase.count++;
        phrase.forms.set(form, (phrase.forms.get(form) ?? 0) + 1);
        this.#places++;
      }
    });
  }

  /** The uncertain phrases, most places first. */
  get phrases(): UncertainPhrase[] {
    return [...this.#phrases.values()].sort(
      (a, b) => b.count - a.count || a.example.file.localeCompare(b.example.file),
    );
  }

  /** Learned words, names and override rules that fired, most often first. */
  get fired(): ArchiveFiring[] {
    return [...this.#fired.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  /** The report as text: the top `limit` uncertain phrases and firings. */
  format(limit = 100): string {
    const phrases = this.phrases;
    const fired = this.fired;
    const out = [
      `conversion: ${this.#articles} article(s); ${this.#places} uncertain place(s) in ${phrases.length} phrase(s)` +
        (phrases.length > limit ? `, the ${limit} with most places shown` : ""),
    ];
    for (const phrase of phrases.slice(0, limit)) {
      const forms = [...phrase.forms].map(([form, count]) => (phrase.forms.size > 1 ? `${form} ×${count}` : form));
      const { file, line, column, source, output } = phrase.example;
      out.push(
        `  ×${phrase.count}  ${phrase.before}【${phrase.char}】${phrase.after} → ${forms.join(", ")}   [${phrase.evidence}]`,
        `      e.g. ${file}:${line}:${column}  ${source} → ${output}`,
      );
    }
    if (fired.length > 0) {
      out.push(`learned words, names and override rules that fired (${fired.length}, most often first):`);
      for (const firing of fired.slice(0, limit))
        out.push(`  ×${firing.count}  ${firing.label}   [${firing.evidence}]`);
    }
    return out.join("\n");
  }
}

/**
 * Whether OpenCC's usual form of a lone character can be trusted: yes unless authentic text
 * showed it wrong in more than 1 of 20 places. A character never seen alone there keeps its
 * usual form, which ambiguous-chars.ts lists first as the commonest (党: 黨).
 */
function reliableAlone(char: string, direction: string): boolean {
  if (RELIABLE_ALONE.get(direction)?.has(char)) return true;
  if (direction !== "hans→hant") return !UNRELIABLE_TO_HANS.has(char);
  const stat = SINGLE_RELIABILITY.get(char);
  return stat === undefined || stat[0] >= RELIABLE_SHARE * stat[1];
}

/** Traditional characters whose Simplified form alone is a guess (乾: 干 or 乾; 著: 着 or 著). */
const UNRELIABLE_TO_HANS = new Set(["乾", "著", "覆", "瞭", "徵", "藉", "沈", "甦", "鍾", "彷"]);

function loneEvidence(char: string, direction: string): string {
  const stat = direction === "hans→hant" ? SINGLE_RELIABILITY.get(char) : undefined;
  return stat
    ? `lone character: OpenCC's form right ${stat[0]} of ${stat[1]} times alone in twlaw`
    : "lone character: no word around it decides";
}

function describeEvidence(evidence: "learned" | "name", term: string): string {
  if (evidence === "name") return "name in jieba's dictionary";
  const learned = LEARNED_HANT.find((word) => word.hans === term);
  return learned ? `learned: ${learned.count} of ${learned.total} in twlaw` : "learned";
}

/** Maps source offsets to output offsets in one pass (code points correspond one to one where aligned). */
function outputIndex(conversion: DetailedConversion): (offset: number) => number {
  const { source, output } = conversion;
  if ([...source].length !== [...output].length || !conversion.spans.every((span) => span.aligned)) {
    return (offset) => outputOffset(conversion, offset);
  }
  const map = new Int32Array(source.length + 1);
  let out = 0;
  for (let i = 0; i < source.length;) {
    const step = (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    map[i] = out;
    if (step === 2) map[i + 1] = out;
    i += step;
    out += (output.codePointAt(out) ?? 0) > 0xffff ? 2 : 1;
  }
  map[source.length] = output.length;
  return (offset) => map[offset] ?? output.length;
}

function exampleAt(
  file: string,
  source: string,
  output: string,
  at: number,
  outAt: (offset: number) => number,
): UncertainPhrase["example"] {
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = source.indexOf("\n", at);
  const end = lineEnd < 0 ? source.length : lineEnd;
  const start = back(source, at, 10, lineStart);
  const stop = forward(source, at, 11, end);
  return {
    file,
    line: source.slice(0, at).split("\n").length,
    column: [...source.slice(lineStart, at)].length + 1,
    source: `…${squash(source.slice(start, stop))}…`,
    output: `…${squash(output.slice(outAt(start), outAt(stop)))}…`,
  };
}
