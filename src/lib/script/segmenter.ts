/**
 * Word segmentation by the most probable path through the word lattice, as jieba does:
 * every dictionary word found at every position is a way forward, each with a cost (the
 * negative log of its frequency), and the segmentation is the path of least total cost.
 * Framework-free and free of Node APIs: the build's converter and the browser's query
 * converter run this same code on the same costs, so they cut text into the same words.
 */

import { unmatchedLength } from "./code-points.ts";

/** The cost of a character no dictionary word starts with (jieba: the rarest word's). */
export const UNKNOWN_COST = 200;

/** Costs are whole numbers, so that build and browser add them up exactly alike. */
export const COST_SCALE = 10;

/** A word's cost from its frequency and the dictionary's total frequency. */
export function costOf(frequency: number, total: number): number {
  return Math.min(UNKNOWN_COST, Math.max(1, Math.round(COST_SCALE * Math.log(total / Math.max(frequency, 1)))));
}

/**
 * The trie in flat arrays, built once the lexicon is complete: the root's children by code
 * unit, every other node's children as a run of (code unit, child) pairs. Walking it
 * allocates nothing, which keeps segmentation fast.
 */
interface FlatTrie {
  root: Int32Array;
  offsets: Int32Array;
  units: Uint16Array;
  kids: Int32Array;
  costs: Int32Array;
}

/** Words and their costs, held as a trie over UTF-16 code units. */
export class Lexicon {
  /** (node × 65536 + code unit) → child node; the root is node 0. */
  readonly #children = new Map<number, number>();
  /** Cost of the word ending at each node; -1 where no word ends. */
  readonly #costs: number[] = [-1];
  readonly #words = new Map<string, number>();
  #flat: FlatTrie | undefined;

  /** Adds a word, or changes its cost. */
  set(word: string, cost: number): void {
    this.#flat = undefined;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * 65536 + word.charCodeAt(i);
      let child = this.#children.get(key);
      if (child === undefined) {
        child = this.#costs.length;
        this.#costs.push(-1);
        this.#children.set(key, child);
      }
      node = child;
    }
    this.#costs[node] = cost;
    this.#words.set(word, cost);
  }

  /** The cost of a word, or undefined when it is not one. */
  cost(word: string): number | undefined {
    return this.#words.get(word);
  }

  /** Every word with its cost. */
  words(): Iterable<[string, number]> {
    return this.#words.entries();
  }

  /**
   * The best segmentation of `text`: for each position, the end of the word the best
   * path takes from there (computed for every position, right to left, so a caller may
   * resume from any position). On equal cost the longer word wins.
   */
  route(text: string): Int32Array {
    return this.#paths(text).next;
  }

  /** The total cost of the best path through `text`. */
  pathCost(text: string): number {
    return this.#paths(text).best[0] ?? 0;
  }

  #flatten(): FlatTrie {
    const count = this.#costs.length;
    const root = new Int32Array(65536).fill(-1);
    const offsets = new Int32Array(count + 1);
    for (const key of this.#children.keys()) {
      const node = Math.floor(key / 65536);
      if (node > 0) offsets[node + 1] = (offsets[node + 1] ?? 0) + 1;
    }
    for (let node = 1; node <= count; node++) offsets[node] = (offsets[node] ?? 0) + (offsets[node - 1] ?? 0);
    const fill = offsets.slice();
    const units = new Uint16Array(offsets[count] ?? 0);
    const kids = new Int32Array(units.length);
    for (const [key, child] of this.#children) {
      const node = Math.floor(key / 65536);
      if (node === 0) {
        root[key] = child;
        continue;
      }
      const at = fill[node] ?? 0;
      fill[node] = at + 1;
      units[at] = key % 65536;
      kids[at] = child;
    }
    return { root, offsets, units, kids, costs: Int32Array.from(this.#costs) };
  }

  #paths(text: string): { next: Int32Array; best: Float64Array } {
    const n = text.length;
    const next = new Int32Array(n + 1);
    const best = new Float64Array(n + 1);
    this.#flat ??= this.#flatten();
    const { root, offsets, units, kids, costs } = this.#flat;
    // The child of `node` by code unit `unit`, or -1.
    const child = (node: number, unit: number): number => {
      if (node === 0) return root[unit] ?? -1;
      const end = offsets[node + 1] ?? 0;
      for (let at = offsets[node] ?? 0; at < end; at++) if (units[at] === unit) return kids[at] ?? -1;
      return -1;
    };
    for (let i = n - 1; i >= 0; i--) {
      if (i > 0 && isLowSurrogateAt(text, i)) {
        // Never a word start: route from the high surrogate before it covers it.
        next[i] = i + 1;
        best[i] = best[i + 1] ?? 0;
        continue;
      }
      const step = unmatchedLength(text, i);
      let end = i + step;
      // The first step alone: a one-character word, or an unknown character.
      let node = 0;
      for (let j = i; j < end && node >= 0; j++) node = child(node, text.charCodeAt(j));
      const single = node >= 0 ? (costs[node] ?? -1) : -1;
      let total = (single >= 0 ? single : UNKNOWN_COST) + (best[end] ?? 0);
      for (let j = i + step; node >= 0 && j < n; j++) {
        node = child(node, text.charCodeAt(j));
        if (node < 0) break;
        const cost = costs[node] ?? -1;
        if (cost < 0 || isLowSurrogateAt(text, j + 1)) continue;
        const candidate = cost + (best[j + 1] ?? 0);
        if (candidate <= total) {
          total = candidate;
          end = j + 1;
        }
      }
      next[i] = end;
      best[i] = total;
    }
    return { next, best };
  }
}

function isLowSurrogateAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff;
}
