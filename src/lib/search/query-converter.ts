/**
 * Converting a reader's query into the script of the index they search, in the browser,
 * with the same steps the build uses for pages (src/lib/script/converter.ts): the text cut
 * into words (Simplified: the most probable path through the build's own lexicon, by the
 * same code; Traditional: OpenCC's forward longest match), each word through the learned
 * conversions or the conversion chain, and the project's override rules taking part in the
 * segmentation. The table holds only the dictionary entries and words the archive's text
 * uses (see query-table.ts), so it stays small.
 */

import { isLowSurrogate, unmatchedLength } from "../script/code-points.ts";
import { surnameAt } from "../script/names.ts";
import { Lexicon } from "../script/segmenter.ts";

/** An override: the term, what it becomes (null: kept as typed), and a character class it must not follow. */
export type QueryRule = [term: string, output: string | null, notAfter?: string];

/**
 * The serialised conversion table for one direction, as written to /pagefind/ at build
 * time. A dictionary is written as groups of entries sharing a first character,
 * `首rest value,rest value|…`; an entry without a value (`rest` alone) is a phrase whose
 * value is its characters converted one by one by the same dictionary's one-character
 * entries, which is most of them (they are there for segmentation).
 */
export interface QueryTable {
  /** Normalisation steps, applied to the whole query first. */
  normalization: string[];
  /** Conversion steps, applied to each segment in turn. */
  chain: string[];
  /**
   * The segmentation words: every key longer than one character of conversion step
   * `group` (-1 for none), plus `extra` and minus `missing` (each `word|word…`). In
   * OpenCC the segmentation list is mostly one of the conversion dictionaries, so this
   * avoids writing it twice.
   */
  segmentation: { group: number; extra: string; missing: string };
  rules: QueryRule[];
  /**
   * Simplified→Traditional: the words the build segments with, with their costs
   * (`cost 首rest,rest;首rest|…`, see encodeLexicon), and the learned word conversions (a dictionary
   * like the chain's). When present, text is cut into words by the most probable path
   * (src/lib/script/segmenter.ts) instead of by `segmentation`.
   */
  words?: {
    /**
     * The words in LEXICON_SHARDS parts by their first code unit (see lexiconShard); a part
     * is either written here or, when empty here, in its own file at `urls[part]`, fetched
     * only for a query with a code unit of that part.
     */
    lexicon: string[];
    urls?: string[];
    learned: string;
    /** Personal names a surname in name position may start (engine personNames), `word|word…`. */
    personNames?: string;
  };
}

/** How many parts the lexicon is written in: a query fetches only the parts of its characters. */
export const LEXICON_SHARDS = 64;

/** The part of the lexicon holding the words that start with this UTF-16 code unit. */
export function lexiconShard(unit: number): number {
  return unit % LEXICON_SHARDS;
}

/** Converts a query; says which lexicon parts a query still needs, and takes them when fetched. */
export interface QueryConverter {
  (query: string): string;
  /** The parts of the lexicon (with their URLs) that converting `query` needs and are not loaded. */
  missing(query: string): { part: number; url: string }[];
  /** Adds a fetched part of the lexicon. */
  add(part: number, text: string): void;
}

/** Reads a lexicon written by encodeLexicon (query-table.ts) into `lexicon`. */
export function decodeLexicon(text: string, lexicon: Lexicon = new Lexicon()): Lexicon {
  for (const group of text ? text.split("|") : []) {
    const space = group.indexOf(" ");
    const cost = Number(group.slice(0, space));
    for (const words of group.slice(space + 1).split(";")) {
      const first = String.fromCodePoint(words.codePointAt(0) ?? 0);
      for (const rest of words.slice(first.length).split(",")) lexicon.set(first + rest, cost);
    }
  }
  return lexicon;
}

/** Reads one dictionary written by encodeDictionary (query-table.ts). */
export function decodeDictionary(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const derived: string[] = [];
  for (const group of text ? text.split("|") : []) {
    const first = String.fromCodePoint(group.codePointAt(0) ?? 0);
    for (const item of group.slice(first.length).split(",")) {
      const space = item.indexOf(" ");
      const key = first + (space < 0 ? item : item.slice(0, space));
      if (space < 0) derived.push(key);
      else map.set(key, item.slice(space + 1));
    }
  }
  for (const key of derived) map.set(key, Array.from(key, (char) => map.get(char) ?? char).join(""));
  return map;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  value?: string;
}

class Trie {
  readonly root: TrieNode = { next: new Map() };

  add(key: string, value: string): void {
    let node = this.root;
    for (const char of key) {
      const code = char.codePointAt(0) ?? 0;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    node.value = value;
  }

  /** The longest key starting at `index`: its end and value. */
  match(text: string, index: number): { end: number; value: string } | undefined {
    let node: TrieNode | undefined = this.root;
    let found: { end: number; value: string } | undefined;
    for (let i = index; i < text.length;) {
      const code = text.codePointAt(i) ?? 0;
      i += code > 0xffff ? 2 : 1;
      node = node.next.get(code);
      if (!node) break;
      if (node.value !== undefined) found = { end: i, value: node.value };
    }
    return found;
  }

  /** Replaces every longest match left to right, as opencc-js's Trie.convert does. */
  convert(text: string): string {
    let out = "";
    for (let i = 0; i < text.length;) {
      const found = this.match(text, i);
      if (found) {
        out += found.value;
        i = found.end;
      } else {
        const step = unmatchedLength(text, i);
        out += text.slice(i, i + step);
        i += step;
      }
    }
    return out;
  }
}

interface RuleNode {
  next: Map<number, RuleNode>;
  rule?: { output: string | null; notAfter?: RegExp };
}

function trieOf(map: ReadonlyMap<string, string>): Trie {
  const trie = new Trie();
  for (const [key, value] of map) trie.add(key, value);
  return trie;
}

/** The segmentation words a table describes (see QueryTable.segmentation). */
function segmentationWords(table: QueryTable, chain: readonly ReadonlyMap<string, string>[]): Set<string> {
  const { group, extra, missing } = table.segmentation;
  const words = new Set<string>();
  for (const key of chain[group]?.keys() ?? []) if (Array.from(key).length > 1) words.add(key);
  for (const word of extra ? extra.split("|") : []) words.add(word);
  for (const word of missing ? missing.split("|") : []) words.delete(word);
  return words;
}

/**
 * Builds the converter for a table; building takes a few milliseconds, converting a query
 * microseconds. Lexicon parts kept in files must be added (see QueryConverter.missing)
 * before a query that needs them is converted.
 */
export function createQueryConverter(table: QueryTable): QueryConverter {
  const normalization = table.normalization.map((text) => trieOf(decodeDictionary(text)));
  const chainMaps = table.chain.map(decodeDictionary);
  const chain = chainMaps.map(trieOf);
  const segmentation = new Trie();
  for (const word of segmentationWords(table, chainMaps)) segmentation.add(word, "");
  const rules: RuleNode = { next: new Map() };
  for (const [term, output, notAfter] of table.rules) {
    let node = rules;
    for (let i = 0; i < term.length; i++) {
      const unit = term.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.rule = { output, ...(notAfter ? { notAfter: new RegExp(notAfter) } : {}) };
  }

  const convertSegment = (segment: string): string => chain.reduce((text, trie) => trie.convert(text), segment);
  const lexicon = table.words ? new Lexicon() : undefined;
  const loaded = new Set<number>();
  const add = (part: number, text: string): void => {
    if (!lexicon || loaded.has(part)) return;
    decodeLexicon(text, lexicon);
    loaded.add(part);
  };
  table.words?.lexicon.forEach((text, part) => {
    if (text || !table.words?.urls?.[part]) add(part, text);
  });
  const learned = decodeDictionary(table.words?.learned ?? "");
  const convertWord = (word: string): string => learned.get(word) ?? convertSegment(word);
  const personNames = new Set(table.words?.personNames ? table.words.personNames.split("|") : []);
  const isPersonName = (word: string): boolean => personNames.has(word);

  // Mirrors compileRules().match in src/lib/script/rules.ts.
  const matchRule = (text: string, index: number): { output: string | null; end: number } | undefined => {
    let node: RuleNode | undefined = rules;
    let found: { output: string | null; end: number } | undefined;
    for (let i = index; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      const rule = node.rule;
      if (rule && !(rule.notAfter && index > 0 && rule.notAfter.test(text.charAt(index - 1)))) {
        found = { output: rule.output, end: i + 1 };
      }
    }
    return found && isLowSurrogate(text.charCodeAt(found.end)) ? undefined : found;
  };

  // Mirrors run() in src/lib/script/converter.ts.
  const convert = (input: string): string => {
    const text = normalization.reduce((value, trie) => trie.convert(value), input);
    const original = text.length === input.length ? input : text;
    const parts: string[] = [];
    let runStart = -1;
    const flushRun = (end: number): void => {
      if (runStart < 0) return;
      parts.push(convertSegment(text.slice(runStart, end)));
      runStart = -1;
    };
    const route = lexicon?.route(text);
    let previousWord = "";
    for (let i = 0; i < text.length;) {
      const rule = matchRule(text, i);
      const wordEnd = route ? (route[i] ?? text.length) : (segmentation.match(text, i)?.end ?? -1);
      if (rule && (route || rule.end >= wordEnd)) {
        flushRun(i);
        parts.push(rule.output ?? original.slice(i, rule.end));
        previousWord = text.slice(i, rule.end);
        i = rule.end;
      } else if (wordEnd > 0) {
        flushRun(i);
        const word = text.slice(i, wordEnd);
        const surname = route && surnameAt(word, previousWord, text.charAt(wordEnd), isPersonName, convertWord);
        parts.push(surname || convertWord(word));
        previousWord = word;
        i = wordEnd;
      } else {
        if (runStart < 0) runStart = i;
        i += unmatchedLength(text, i);
      }
    }
    flushRun(text.length);
    return parts.join("");
  };
  const missing = (query: string): { part: number; url: string }[] => {
    const parts = new Map<number, string>();
    for (let i = 0; i < query.length; i++) {
      const part = lexiconShard(query.charCodeAt(i));
      const url = table.words?.urls?.[part];
      if (url && !loaded.has(part)) parts.set(part, url);
    }
    return [...parts].map(([part, url]) => ({ part, url }));
  };
  return Object.assign(convert, { missing, add });
}
