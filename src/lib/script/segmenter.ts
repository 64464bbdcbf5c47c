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
 * Words and their costs, held as a trie over UTF-16 code units whose edges are one map from
 * (node, unit) to node: walking it allocates nothing, which keeps segmentation fast.
 */
export class Lexicon {
  /** (node × 65536 + code unit) → child node; the root is node 0. */
  readonly #children = new Map<number, number>();
  /** Cost of the word ending at each node; -1 where no word ends. */
  readonly #costs: number[] = [-1];
  readonly #words = new Map<string, number>();

  /** Adds a word, or changes its cost. */
  set(word: string, cost: number): void {
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

  #paths(text: string): { next: Int32Array; best: Float64Array } {
    const n = text.length;
    const next = new Int32Array(n + 1);
    const best = new Float64Array(n + 1);
    const children = this.#children;
    const costs = this.#costs;
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
      for (let j = i; j < end && node >= 0; j++) node = children.get(node * 65536 + text.charCodeAt(j)) ?? -1;
      const single = node >= 0 ? (costs[node] ?? -1) : -1;
      let total = (single >= 0 ? single : UNKNOWN_COST) + (best[end] ?? 0);
      for (let j = i + step; node >= 0 && j < n; j++) {
        node = children.get(node * 65536 + text.charCodeAt(j)) ?? -1;
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
