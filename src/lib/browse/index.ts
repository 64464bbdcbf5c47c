import type { ArticleMeta, Script } from "../article/schema.ts";
import { citedDocumentNumbers, documentNumberKey } from "./docnumbers.ts";
import { FACETS, type Facet } from "./facets.ts";
import { groupByFacets, groupLabel, hasPage, type Group } from "./groups.ts";
import { inDateOrder } from "./order.ts";
import { relatedArticles } from "./related.ts";
import { clauseAnchors } from "../references/anchors.ts";
import { citedDocuments } from "../references/find.ts";
import { buildReferenceResolver } from "../references/resolver.ts";
import type { ReferenceResolver } from "../references/types.ts";

/** What the index is built from: each article's front matter and its Markdown body (scanned, never rendered). */
export interface IndexInput {
  meta: ArticleMeta;
  body: string;
}

/** A month and how many articles it has. */
export interface MonthSummary {
  /** 2022-09 */
  month: string;
  count: number;
}

/** A year, how many articles it has, and its months in order. */
export interface YearSummary {
  /** 2022 */
  year: string;
  count: number;
  months: MonthSummary[];
}

/** An article's neighbours in time. */
export interface Neighbours {
  previous?: ArticleMeta;
  next?: ArticleMeta;
}

/** Everything the browse pages, feeds and article footers look up, computed once per build. */
export interface BrowseIndex {
  /** Every article, oldest first (ties by id). */
  readonly articles: readonly ArticleMeta[];
  /** Years with their months, oldest first. */
  readonly years: readonly YearSummary[];
  /** An article by id. */
  get(id: string): ArticleMeta | undefined;
  /** An article's front matter as shown in a script (memoised). */
  view(meta: ArticleMeta, script: Script): ArticleMeta;
  /** The articles of a year (2022) or month (2022-09), oldest first. */
  period(key: string): readonly ArticleMeta[] | undefined;
  /** Every group of a facet that has pages of its own (groups.ts, hasPage), largest first (ties by key). */
  groups(facet: Facet): readonly Group[];
  /** One group with pages of its own, by key. */
  group(facet: Facet, key: string): Group | undefined;
  /** A group's name as shown in a script (memoised). */
  label(group: Group, script: Script): string;
  /** The articles just before and after one in time. */
  neighbours(id: string): Neighbours;
  /** Documents in the archive an article cites by number or by title, oldest first. */
  cites(id: string): readonly ArticleMeta[];
  /** Articles citing a document by its number or title, oldest first. */
  citedBy(id: string): readonly ArticleMeta[];
  /** Documents cited by at least one article, most cited first (ties oldest first), with the number of articles citing each. */
  readonly mostCited: readonly { meta: ArticleMeta; count: number }[];
  /** Finds the documents 《》 titles name, for the links in article bodies. */
  readonly references: ReferenceResolver;
  /** Articles sharing people, places or topics, best first, leaving out the citing and cited (memoised). */
  related(id: string, limit?: number): readonly ArticleMeta[];
}

/** Options for buildBrowseIndex. */
export interface IndexOptions {
  /** An article's front matter in a script: `viewMeta` on the site. */
  view: (meta: ArticleMeta, script: Script) => ArticleMeta;
}

const NONE: readonly ArticleMeta[] = Object.freeze([]);

/** Builds the browse index of an archive. Linear in the number of articles and the size of their bodies. */
export function buildBrowseIndex(inputs: readonly IndexInput[], { view }: IndexOptions): BrowseIndex {
  const articles = inDateOrder(inputs.map((input) => input.meta));
  const byId = new Map(articles.map((meta, i) => [meta.id, { meta, position: i }]));
  const instants = new Map(articles.map((meta) => [meta.id, Date.parse(meta.date.iso)]));
  const instant = (meta: ArticleMeta): number => instants.get(meta.id) ?? 0;

  const periods = new Map<string, ArticleMeta[]>();
  for (const meta of articles) {
    for (const key of [meta.date.day.slice(0, 4), meta.date.day.slice(0, 7)]) {
      const list = periods.get(key) ?? [];
      list.push(meta);
      periods.set(key, list);
    }
  }
  const years: YearSummary[] = [...periods.keys()]
    .filter((key) => key.length === 4)
    .sort()
    .map((year) => ({
      year,
      count: periods.get(year)?.length ?? 0,
      months: [...periods.keys()]
        .filter((key) => key.startsWith(`${year}-`))
        .sort()
        .map((month) => ({ month, count: periods.get(month)?.length ?? 0 })),
    }));

  const facetGroups = groupByFacets(articles);
  // Every group relates articles; only those with pages are browsed and linked.
  const sortedGroups = new Map(
    FACETS.map((facet) => [
      facet,
      [...(facetGroups.get(facet)?.values() ?? [])]
        .filter(hasPage)
        .sort((a, b) => b.articles.length - a.articles.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    ]),
  );

  const references = referenceResolver(inputs);
  const { cites, citedBy } = linkCitations(inputs, byId, references);
  const mostCited = [...citedBy]
    .map(([id, citing]) => ({ meta: byId.get(id)?.meta, count: citing.length }))
    .filter((entry): entry is { meta: ArticleMeta; count: number } => entry.meta !== undefined)
    .sort((a, b) => b.count - a.count || (byId.get(a.meta.id)?.position ?? 0) - (byId.get(b.meta.id)?.position ?? 0));

  const views = new Map<string, ArticleMeta>();
  const viewOf = (meta: ArticleMeta, script: Script): ArticleMeta => {
    const cacheKey = `${script}:${meta.id}`;
    let shown = views.get(cacheKey);
    if (!shown) {
      shown = view(meta, script);
      views.set(cacheKey, shown);
    }
    return shown;
  };
  const labels = new Map<string, string>();
  const relatedCache = new Map<string, readonly ArticleMeta[]>();

  return {
    articles,
    years,
    get: (id) => byId.get(id)?.meta,
    view: viewOf,
    period: (key) => periods.get(key),
    groups: (facet) => sortedGroups.get(facet) ?? [],
    group(facet, key) {
      const group = facetGroups.get(facet)?.get(key);
      return group && hasPage(group) ? group : undefined;
    },
    label(group, script) {
      const cacheKey = `${script}:${group.facet}:${group.key}`;
      let label = labels.get(cacheKey);
      if (label === undefined) {
        label = groupLabel(group, (meta) => viewOf(meta, script));
        labels.set(cacheKey, label);
      }
      return label;
    },
    neighbours(id) {
      const position = byId.get(id)?.position;
      if (position === undefined) return {};
      const previous = articles[position - 1];
      const next = articles[position + 1];
      return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
    },
    cites: (id) => cites.get(id) ?? NONE,
    citedBy: (id) => citedBy.get(id) ?? NONE,
    mostCited,
    references,
    related(id, limit = 5) {
      const cacheKey = `${limit}:${id}`;
      let list = relatedCache.get(cacheKey);
      if (!list) {
        const meta = byId.get(id)?.meta;
        const exclude = new Set([...(cites.get(id) ?? []), ...(citedBy.get(id) ?? [])].map((other) => other.id));
        list = meta ? relatedArticles(meta, facetGroups, instant, limit, exclude) : NONE;
        relatedCache.set(cacheKey, list);
      }
      return list;
    },
  };
}

/** The resolver of 《》 titles to the archive's documents, with the clause anchors of each body. */
function referenceResolver(inputs: readonly IndexInput[]): ReferenceResolver {
  const anchors = new Map<string, Set<string>>();
  for (const { meta, body } of inputs) {
    const found = clauseAnchors(body);
    if (found.size > 0) anchors.set(meta.id, found);
  }
  return buildReferenceResolver(
    inputs.map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      day: meta.date.day,
      effective: meta.effective,
      supersedes: meta.supersedes,
      script: meta.script,
    })),
    (id) => anchors.get(id),
  );
}

/**
 * Finds, in every body, the numbers of the archive's policy documents and the 《》 titles
 * naming its documents, and links citing and cited both ways.
 */
function linkCitations(
  inputs: readonly IndexInput[],
  byId: ReadonlyMap<string, { meta: ArticleMeta; position: number }>,
  references: ReferenceResolver,
): { cites: Map<string, ArticleMeta[]>; citedBy: Map<string, ArticleMeta[]> } {
  const documents = new Map<string, ArticleMeta[]>();
  for (const { meta } of inputs) {
    const key = meta.document_number === undefined ? undefined : documentNumberKey(meta.document_number);
    if (key !== undefined) append(documents, key, meta);
  }
  const cites = new Map<string, ArticleMeta[]>();
  const citedBy = new Map<string, ArticleMeta[]>();
  const known = new Set(documents.keys());
  const order = (list: ArticleMeta[]): ArticleMeta[] =>
    list.sort((a, b) => (byId.get(a.id)?.position ?? 0) - (byId.get(b.id)?.position ?? 0));
  for (const { meta, body } of inputs) {
    const cited = new Map<string, ArticleMeta>();
    for (const key of citedDocumentNumbers(body, known)) {
      for (const document of documents.get(key) ?? []) cited.set(document.id, document);
    }
    const citing = { id: meta.id, title: meta.title, day: meta.date.day, script: meta.script };
    for (const id of citedDocuments(body, citing, references).keys()) {
      const document = byId.get(id)?.meta;
      if (document) cited.set(id, document);
    }
    cited.delete(meta.id);
    for (const document of cited.values()) {
      append(cites, meta.id, document);
      append(citedBy, document.id, meta);
    }
  }
  for (const list of [...cites.values(), ...citedBy.values()]) order(list);
  return { cites, citedBy };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
