import type { EntityKind, Mention } from "./types.ts";

/** How sure the finder is of each way of finding a name: a known name first, a name read from its form last. */
const CERTAINTY: Record<string, number> = {
  always: 5,
  known: 4,
  gazetteer: 4,
  title: 3,
  dictionary: 3,
  county: 2,
  verb: 2,
  suffix: 1,
  list: 1,
  "foreign-place": 1,
  "local-place": 1,
};

const KIND_LABEL: Record<EntityKind, string> = { persons: "people", places: "places", organizations: "organisations" };

interface NameRecord {
  kind: EntityKind;
  name: string;
  certainty: number;
  evidence: string;
  articles: Set<string>;
}

/** Collects what the finder took in every article, for `npm run check`. */
export class FoundSummary {
  private readonly names = new Map<string, NameRecord>();
  private articles = 0;

  /** Adds one article's mentions (of the kinds its front matter leaves to the finder). */
  add(article: string, mentions: readonly Mention[], kinds: readonly EntityKind[]): void {
    let any = false;
    for (const mention of mentions) {
      if (!kinds.includes(mention.kind)) continue;
      any = true;
      const key = `${mention.kind}\u0000${mention.name}`;
      const certainty = CERTAINTY[mention.evidence] ?? 0;
      let record = this.names.get(key);
      if (!record) {
        record = { kind: mention.kind, name: mention.name, certainty, evidence: mention.evidence, articles: new Set() };
        this.names.set(key, record);
      }
      if (certainty > record.certainty) {
        record.certainty = certainty;
        record.evidence = mention.evidence;
      }
      record.articles.add(article);
    }
    if (any) this.articles++;
  }

  /**
   * A few lines: how many names of each kind were found in how many articles, then the
   * least certain names (weakest evidence, fewest articles) for a maintainer to look at.
   */
  format(shown = 12): string {
    const counts = (["persons", "places", "organizations"] as const).map(
      (kind) => `${[...this.names.values()].filter((r) => r.kind === kind).length} ${KIND_LABEL[kind]}`,
    );
    const doubtful = [...this.names.values()]
      .sort((a, b) => a.certainty - b.certainty || a.articles.size - b.articles.size || a.name.localeCompare(b.name))
      .slice(0, shown)
      .map(
        (r) =>
          `${r.name} (${KIND_LABEL[r.kind]}, ${r.evidence}, ${r.articles.size} article${r.articles.size === 1 ? "" : "s"})`,
      );
    const lines = [
      `Names found in the text of ${this.articles} article(s) whose front matter lists none: ${counts.join(", ")}.`,
    ];
    if (doubtful.length > 0) lines.push(`Least certain first: ${doubtful.join("; ")}.`);
    lines.push("Correct them in entities.yaml (aliases, never, always); see docs/entities.md.");
    return lines.join("\n");
  }
}
