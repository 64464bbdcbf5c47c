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

/** Words and their costs, with every prefix of a word known so that lookups can stop early. */
export class Lexicon {
  /** word → cost; a prefix that is no word maps to -1. */
  readonly #entries = new Map<string, number>();

  /** Adds a word, or changes its cost. */
  set(word: string, cost: number): void {
    this.#entries.set(word, cost);
    for (let end = word.length - 1; end > 0; end--) {
      const prefix = word.slice(0, end);
      if (this.#entries.has(prefix)) break;
      this.#entries.set(prefix, -1);
    }
  }

  /** The cost of a word, or undefined when it is not one. */
  cost(word: string): number | undefined {
    const cost = this.#entries.get(word);
    return cost === undefined || cost < 0 ? undefined : cost;
  }

  /** Every word with its cost. */
  *words(): Iterable<[string, number]> {
    for (const [word, cost] of this.#entries) if (cost >= 0) yield [word, cost];
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
    const entries = this.#entries;
    for (let i = n - 1; i >= 0; i--) {
      if (i > 0 && isLowSurrogateAt(text, i)) {
        // Never a word start: route from the high surrogate before it covers it.
        next[i] = i + 1;
        best[i] = best[i + 1] ?? 0;
        continue;
      }
      const step = unmatchedLength(text, i);
      let end = i + step;
      const single = entries.get(text.slice(i, end)) ?? -1;
      let total = (single >= 0 ? single : UNKNOWN_COST) + (best[end] ?? 0);
      for (let j = i + 1; j <= n; j++) {
        const value = entries.get(text.slice(i, j));
        if (value === undefined) break;
        if (value < 0 || j === i + step || isLowSurrogateAt(text, j)) continue;
        const candidate = value + (best[j] ?? 0);
        if (candidate <= total) {
          total = candidate;
          end = j;
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
