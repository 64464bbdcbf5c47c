import type { ConversionRules } from "../article/schema.ts";
import { BUILTIN_RULES } from "./builtin-rules.ts";
import { assertDirection, directionName, type Direction } from "./direction.ts";
import { getEngine, getNormalizer, type Engine } from "./engine.ts";
import { nameInSimplified, nameInTraditional, surnameAt, type KnownNames, type NameKind } from "./names.ts";
import { compileRules, isEmptyRules, type Rule, type RuleSet, type RuleSource } from "./rules.ts";

/** A stretch of the output and the stretch of the source it came from (UTF-16 offsets). */
export interface ConvertedSpan {
  from: number;
  to: number;
  outFrom: number;
  outTo: number;
  /** The override that produced this span; absent for text OpenCC converted. */
  rule?: Rule;
  /**
   * Whether source and output have the same number of characters (code points), so that
   * the n-th character of one became the n-th of the other. True for all OpenCC output
   * (its dictionaries map characters one to one); often false for pairs.
   */
  aligned: boolean;
}

/** A conversion with the map from source to output, for the ambiguity report and the hast tree. */
export interface DetailedConversion {
  /** The text that was converted: the input after OpenCC's compatibility-ideograph normalisation. */
  source: string;
  output: string;
  /** Consecutive spans covering source and output from start to end. */
  spans: ConvertedSpan[];
}

/** What decided a word's conversion, for the ambiguity report. */
export type Evidence =
  /** An override rule (built-in, site, front matter). */
  | "rule"
  /** A word conversion learned from authentic Traditional text (data/learned-hant.json). */
  | "learned"
  /** A name from jieba's dictionary (lexicon.ts nameWords). */
  | "name"
  /** A surname recognised by its position after a title (names.ts surnameAt). */
  | "surname"
  /** An OpenCC phrase inside a dictionary word. */
  | "phrase"
  /** A dictionary word whose characters OpenCC converts one by one. */
  | "word"
  /** Characters standing alone, each in OpenCC's usual form. */
  | "character";

/** One stretch of the source (a word, a rule's term, or a run of lone characters) and what decided it. */
export interface WordDecision {
  from: number;
  to: number;
  evidence: Evidence;
  rule?: Rule;
}

/** A detailed conversion with the decision behind every word. */
export interface ExplainedConversion extends DetailedConversion {
  words: WordDecision[];
}

/** Converts text in one direction with OpenCC and the override layers. */
export interface Converter {
  readonly direction: Direction;
  /** Every override rule in force, one per term, weakest layer first. */
  readonly rules: readonly Rule[];
  /** Converts plain text. */
  convert(text: string): string;
  /** Converts plain text and says which source stretch became which output stretch, and which rules fired. */
  convertDetailed(text: string): DetailedConversion;
  /** Like convertDetailed, and says what decided each word (slower: for the ambiguity report). */
  explain(text: string): ExplainedConversion;
  /** A converter with one more layer of rules on top of this one's (an article's front matter `conversion`). */
  withRules(rules: ConversionRules | undefined, note?: string): Converter;
  /**
   * A converter that writes the names known in one article as names (its front matter
   * `persons`, `places`, or the names found in its text), each as written in the article's
   * script: a name whose surname, given name or place character the plain conversion
   * misspells gets a rule of its own (names.ts), so it is right wherever it stands. Names
   * already right change nothing; with none to fix, this converter itself is returned.
   */
  withNames(names: KnownNames, note?: string): Converter;
}

/** Options for createConverter. */
export interface ConverterOptions {
  /** Site-wide rules, as read by loadSiteRules from content/conversion.yaml. */
  siteRules?: ConversionRules;
  /** Where the site rules came from, shown in the ambiguity report. */
  siteRulesFile?: string;
  /** Set to false to leave out the built-in fixes (only for benchmarks and tests). */
  builtins?: boolean;
  /**
   * Set to false to read Simplified text with OpenCC's longest match instead of segmenting
   * it into words, without learned words and names: the converter as it was before word
   * segmentation (only for benchmarks).
   */
  segment?: boolean;
}

const defaultConverters = new Map<string, Converter>();

/**
 * Creates a converter for a direction. The OpenCC dictionaries are loaded once per
 * process and shared by every converter; without options the converter itself is cached too.
 */
export function createConverter(direction: Direction, options: ConverterOptions = {}): Converter {
  assertDirection(direction);
  const plain = options.siteRules === undefined && options.builtins !== false && options.segment !== false;
  const key = directionName(direction);
  if (plain) {
    const cached = defaultConverters.get(key);
    if (cached) return cached;
  }
  const sources = ruleSources(options);
  const engine = getEngine(direction);
  const converter = makeConverter(direction, options.segment === false ? longestMatch(engine) : engine, sources);
  if (plain) defaultConverters.set(key, converter);
  return converter;
}

/**
 * The override rules a converter made with these options would apply, one per term, weakest
 * layer first (Converter.rules), without building its engine: the search's query tables
 * need only these.
 */
export function conversionRules(
  direction: Direction,
  options: Pick<ConverterOptions, "siteRules" | "siteRulesFile" | "builtins"> = {},
): readonly Rule[] {
  assertDirection(direction);
  return compileRules(ruleSources(options), direction, getNormalizer(direction)).rules;
}

/** The layers of override rules: the built-in fixes, then the site's rules. */
function ruleSources(options: ConverterOptions): RuleSource[] {
  const sources: RuleSource[] = [];
  if (options.builtins !== false)
    sources.push(
      ...BUILTIN_RULES.map(({ why, rules, notAfter }) => ({
        layer: "builtin" as const,
        rules,
        note: why,
        ...(notAfter ? { notAfter } : {}),
      })),
    );
  if (options.siteRules && !isEmptyRules(options.siteRules)) {
    sources.push({ layer: "site", rules: options.siteRules, note: options.siteRulesFile ?? "site rules" });
  }
  return sources;
}

/** The engine read with OpenCC's longest match, each word through the plain conversion chain. */
function longestMatch(engine: Engine): Engine {
  return {
    locale: engine.locale,
    normalize: engine.normalize,
    wordEnd: engine.wordEnd,
    unmatchedLength: engine.unmatchedLength,
    convertSegment: engine.convertSegment,
    convertWord: engine.convertSegment,
    learned: new Map(),
    names: new Map(),
  };
}

/** Converts a front matter text field (title, kicker, a person's name...) with the given converter. */
export function convertText(text: string, converter: Converter): string {
  return converter.convert(text);
}

function makeConverter(direction: Direction, engine: Engine, sources: readonly RuleSource[]): Converter {
  const ruleSet = compileRules(sources, direction, engine.normalize);
  // How each name is written, by kind and name: the archive's converter takes every
  // article's names, and the same names recur in thousands of articles.
  const namesWritten = new Map<string, string | undefined>();
  return {
    direction,
    rules: ruleSet.rules,
    convert: (text) => run(engine, ruleSet, text, undefined),
    convertDetailed(text) {
      const spans: ConvertedSpan[] = [];
      const source = engine.normalize(text);
      const output = run(engine, ruleSet, source, spans);
      return { source, output, spans };
    },
    explain(text) {
      const spans: ConvertedSpan[] = [];
      const words: WordDecision[] = [];
      const source = engine.normalize(text);
      const output = run(engine, ruleSet, source, spans, words);
      return { source, output, spans, words };
    },
    withRules(rules, note) {
      if (isEmptyRules(rules) || !rules) return this;
      return makeConverter(direction, engine, [...sources, { layer: "article", rules, note: note ?? "front matter" }]);
    },
    withNames(names, note) {
      const convert = (text: string): string => run(engine, ruleSet, text, undefined);
      const toHant = direction.to === "hant";
      const kinds: [NameKind, readonly string[] | undefined][] = [
        ["organization", names.organizations],
        ["place", names.places],
        ["person", names.persons],
      ];
      // One pair per name; a name listed under two kinds is written as the last one says (a person's name wins).
      const pairs = new Map<string, { hans: string; hant: string }>();
      const writtenAs = (name: string, kind: NameKind): string | undefined => {
        const key = `${kind}\n${name}`;
        if (namesWritten.has(key)) return namesWritten.get(key);
        const written = toHant ? nameInTraditional(name, kind, convert) : nameInSimplified(name, kind, convert);
        namesWritten.set(key, written);
        return written;
      };
      for (const [kind, list] of kinds) {
        for (const name of list ?? []) {
          const written = writtenAs(name, kind);
          if (written) pairs.set(name, toHant ? { hans: name, hant: written } : { hans: written, hant: name });
          else pairs.delete(name);
        }
      }
      return this.withRules({ pairs: [...pairs.values()] }, note ?? "names known in the article");
    },
  };
}

/**
 * Segmentation with the rules taking part: the text is cut into words (Simplified: the
 * most probable path through the lexicon; Traditional: OpenCC's forward longest match),
 * and where a word starts, a rule whose term is at least as long as the word wins. A rule
 * therefore fires only where its term starts a word: in 其余秋雨 the word 其余 is read
 * first, so a rule for the name 余秋雨 does not fire there, just as OpenCC itself
 * reads 关于丹江口 as 关于 + 丹江口 rather than finding the name 于丹 in it.
 * Text between rule matches is segmented and converted exactly as opencc-js would.
 */
function run(
  engine: Engine,
  rules: RuleSet,
  input: string,
  spans: ConvertedSpan[] | undefined,
  words?: WordDecision[],
): string {
  const text = spans ? input : engine.normalize(input);
  // Protected text is kept as the maintainer wrote it, unless normalisation changed its length (then offsets differ).
  const original = text.length === input.length ? input : text;
  const parts: string[] = [];
  const n = text.length;
  let outLength = 0;
  let gapStart = 0; // start of the text since the last rule match
  let gapOut = 0;
  let gapPart = 0; // index in parts where the output since the last rule match begins
  let runStart = -1; // start of the current run of characters no word starts at
  const flushRun = (end: number): void => {
    if (runStart < 0) return;
    const converted = engine.convertSegment(text.slice(runStart, end));
    parts.push(converted);
    outLength += converted.length;
    words?.push({ from: runStart, to: end, evidence: "character" });
    runStart = -1;
  };
  // With a lexicon, every position on the best path starts a word (a single character at least).
  const route = engine.lexicon?.route(text);
  let previousWord = "";
  const isPersonName = (word: string): boolean => engine.personNames?.has(word) === true;
  for (let i = 0; i < n;) {
    const ruleMatch = rules.match(text, i);
    const wordEnd = route ? (route[i] ?? n) : engine.wordEnd(text, i);
    // On the best path every position reached starts a word, so a rule fires wherever it matches.
    if (ruleMatch && (route || ruleMatch.end >= wordEnd)) {
      flushRun(i);
      const { rule, end } = ruleMatch;
      const out = rule.kind === "protect" ? original.slice(i, end) : rule.output;
      if (spans) {
        closeGap(spans, text, parts.slice(gapPart).join(""), gapStart, i, gapOut);
        spans.push({
          from: i,
          to: end,
          outFrom: outLength,
          outTo: outLength + out.length,
          rule,
          aligned: sameLength(text.slice(i, end), out),
        });
      }
      parts.push(out);
      outLength += out.length;
      words?.push({ from: i, to: end, evidence: "rule", rule });
      previousWord = text.slice(i, end);
      i = end;
      gapStart = i;
      gapOut = outLength;
      gapPart = parts.length;
    } else if (wordEnd > 0) {
      flushRun(i);
      const word = text.slice(i, wordEnd);
      const surname =
        route && surnameAt(word, previousWord, text.charAt(wordEnd), isPersonName, (rest) => engine.convertWord(rest));
      const converted = surname || engine.convertWord(word);
      parts.push(converted);
      outLength += converted.length;
      words?.push({ from: i, to: wordEnd, evidence: surname ? "surname" : evidenceFor(engine, word, converted) });
      previousWord = word;
      i = wordEnd;
    } else {
      if (runStart < 0) runStart = i;
      i += engine.unmatchedLength(text, i);
    }
  }
  flushRun(n);
  if (spans) closeGap(spans, text, parts.slice(gapPart).join(""), gapStart, n, gapOut);
  return parts.join("");
}

/** What decided the conversion of a word the engine converted. */
function evidenceFor(engine: Engine, word: string, converted: string): Evidence {
  if (engine.learned.has(word)) return "learned";
  if (engine.names.has(word)) return "name";
  const chars = Array.from(word);
  if (chars.length === 1) return "character";
  return chars.map((char) => engine.convertWord(char)).join("") === converted ? "word" : "phrase";
}

/** Records the OpenCC-converted stretch since the last rule as one span. */
function closeGap(spans: ConvertedSpan[], text: string, out: string, from: number, to: number, outFrom: number): void {
  if (to <= from) return;
  spans.push({ from, to, outFrom, outTo: outFrom + out.length, aligned: sameLength(text.slice(from, to), out) });
}

function sameLength(a: string, b: string): boolean {
  return countCodePoints(a) === countCodePoints(b);
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}
