/** What the version links need to know of an article. */
export interface Versioned {
  id: string;
  supersedes?: string | undefined;
}

/** A broken version link, phrased for a maintainer. */
export interface VersionProblem {
  file: string;
  field: "supersedes";
  message: string;
}

/**
 * Checks the `supersedes` links of a whole archive: each must name an article that
 * exists, no chain may come back on itself, and a version can be superseded by one
 * version only (two claiming one predecessor would fork the history).
 */
export function findVersionProblems<T extends Versioned>(
  articles: readonly T[],
  fileOf: (article: T) => string,
): VersionProblem[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const problems: VersionProblem[] = [];
  const problem = (article: T, message: string) =>
    problems.push({ file: fileOf(article), field: "supersedes", message });
  const claims = new Map<string, T[]>();
  for (const article of articles) {
    if (article.supersedes === undefined) continue;
    if (!byId.has(article.supersedes)) {
      problem(article, `"${article.supersedes}" is not the id of any article in the archive`);
      continue;
    }
    claims.set(article.supersedes, [...(claims.get(article.supersedes) ?? []), article]);
  }
  for (const [predecessor, claimants] of claims) {
    if (claimants.length < 2) continue;
    for (const article of claimants) {
      const others = claimants.filter((other) => other !== article).map(fileOf);
      problem(
        article,
        `"${predecessor}" is also claimed as the earlier version by ${others.join(", ")}: a version can be superseded by one version only`,
      );
    }
  }
  for (const article of articles) {
    const cycle = cycleFrom(article, byId);
    // Reported once, by the member that sorts first, so each cycle is one line per file.
    if (cycle && cycle.every((id) => id >= article.id)) {
      for (const id of cycle) {
        const member = byId.get(id);
        if (member) problem(member, `the versions form a cycle: ${[...cycle, cycle[0]].join(" → ")}`);
      }
    }
  }
  return problems;
}

/** The ids of the cycle an article's chain of predecessors runs into, starting with the article; undefined when none. */
function cycleFrom<T extends Versioned>(start: T, byId: ReadonlyMap<string, T>): string[] | undefined {
  const seen: string[] = [];
  let current: T | undefined = start;
  while (current) {
    const at = seen.indexOf(current.id);
    if (at >= 0) return at === 0 ? seen : undefined;
    seen.push(current.id);
    current = current.supersedes === undefined ? undefined : byId.get(current.supersedes);
  }
  return undefined;
}

/** The versions of documents, oldest first, looked up by any version's id. */
export interface VersionChains<T extends Versioned> {
  /** The chain an article belongs to, oldest first; undefined when it has no other version. */
  chainOf(id: string): readonly T[] | undefined;
  /** Every pair of consecutive versions, older first. */
  pairs(): [T, T][];
}

/**
 * Follows the `supersedes` links into chains. Expects links that findVersionProblems
 * passed; a link to a missing article simply starts a chain.
 */
export function buildVersionChains<T extends Versioned>(articles: readonly T[]): VersionChains<T> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const successor = new Map<string, T>();
  for (const article of articles) {
    if (article.supersedes !== undefined && byId.has(article.supersedes)) successor.set(article.supersedes, article);
  }
  const chainById = new Map<string, readonly T[]>();
  const chains: T[][] = [];
  for (const article of articles) {
    const isFirst = article.supersedes === undefined || !byId.has(article.supersedes);
    if (!isFirst || !successor.has(article.id)) continue;
    const chain = [article];
    for (let next = successor.get(article.id); next && !chain.includes(next); next = successor.get(next.id)) {
      chain.push(next);
    }
    chains.push(chain);
    for (const member of chain) chainById.set(member.id, chain);
  }
  return {
    chainOf: (id) => chainById.get(id),
    pairs: () => chains.flatMap((chain) => chain.slice(1).map((newer, i): [T, T] => [chain[i]!, newer])),
  };
}

/**
 * The version of a chain to mark as current: the newest one whose status is in_force;
 * when no version states a status at all, the newest version. Undefined when the
 * statuses say none is in force (all amended or repealed).
 */
export function currentVersion<T extends Versioned & { status?: string | undefined }>(
  chain: readonly T[],
): { version: T; stated: boolean } | undefined {
  const inForce = chain.findLast((version) => version.status === "in_force");
  if (inForce) return { version: inForce, stated: true };
  const newest = chain.at(-1);
  return newest && chain.every((version) => version.status === undefined)
    ? { version: newest, stated: false }
    : undefined;
}
