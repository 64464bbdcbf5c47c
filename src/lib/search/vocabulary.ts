interface Node {
  next: Map<number, Node>;
  /** Set when a pattern ends here. */
  pattern?: string;
  /** The round (see takeFound) in which the pattern was last found. */
  seen?: number;
}

/**
 * Finds which of a fixed set of strings occur anywhere in a stream of texts: a trie over
 * the patterns, walked from every position of every text. Used at build time to learn
 * which dictionary entries the archive's own text ever uses.
 */
export class VocabularyScanner {
  readonly #root: Node = { next: new Map() };
  #found = new Set<string>();
  #round = 0;

  constructor(patterns: Iterable<string>) {
    for (const pattern of patterns) {
      if (!pattern) continue;
      let node = this.#root;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let child = node.next.get(unit);
        if (!child) {
          child = { next: new Map() };
          node.next.set(unit, child);
        }
        node = child;
      }
      node.pattern = pattern;
    }
  }

  /** Records every pattern that occurs in `text`. */
  scan(text: string): void {
    const root = this.#root;
    const round = this.#round;
    for (let start = 0; start < text.length; start++) {
      let node = root.next.get(text.charCodeAt(start));
      for (let i = start + 1; node; i++) {
        if (node.pattern !== undefined && node.seen !== round) {
          node.seen = round;
          this.#found.add(node.pattern);
        }
        if (i >= text.length) break;
        node = node.next.get(text.charCodeAt(i));
      }
    }
  }

  /** Whether a pattern has occurred in any text scanned so far. */
  has(pattern: string): boolean {
    return this.#found.has(pattern);
  }

  /**
   * The patterns found so far, sorted; the scanner then starts over with none found, so
   * that the texts scanned next (one search shard's pages) get a list of their own.
   */
  takeFound(): string[] {
    const found = [...this.#found].sort();
    this.#found = new Set();
    this.#round++;
    return found;
  }

  /** How many distinct patterns have occurred. */
  get size(): number {
    return this.#found.size;
  }
}
