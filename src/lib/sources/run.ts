import { loadArchive, type LoadedArticle } from "../article/load.ts";
import { removePartialWrites } from "../fs/atomic-write.ts";
import { capturesDir, readCaptures, writeCapture } from "./captures.ts";
import { classifyResponse } from "./classify.ts";
import { PoliteFetcher, type PoliteSettings } from "./fetch.ts";
import { LedgerWriter, readLedger, recordsOf } from "./ledger.ts";
import { comparableText } from "./text.ts";
import { OUTCOMES, type CheckRecord, type Outcome } from "./types.ts";

/**
 * One run of the source checks: choose the articles, fetch each original politely,
 * classify what came back, keep a new capture of a changed text, and append each check to
 * the ledger as soon as it is made. The caller holds the archive's lock.
 */

/** Which articles to check, and how. */
export interface SourcesOptions {
  archive: string;
  settings: PoliteSettings;
  /** Only these ids. */
  ids?: readonly string[];
  /** Only articles of these days (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Only articles of these sources (or publishers). */
  sources?: readonly string[];
  /** Skip articles checked fewer than this many days ago (0 checks them all). */
  recheckDays: number;
  /** At most this many checks in this run. */
  limit?: number;
}

/** What a run reports as it goes. */
export interface SourcesHooks {
  start?(total: number, skipped: { noUrl: number; recent: number }): void;
  checked?(record: CheckRecord, done: number, captured: string | undefined): void;
  warning?(message: string): void;
}

/** The counts of a run. */
export interface SourcesSummary {
  checked: number;
  counts: Record<Outcome, number>;
  captures: number;
  /** Articles without a url, and articles checked recently, left out. */
  noUrl: number;
  recent: number;
  /** Articles chosen but not checked because of the limit. */
  left: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs the checks and returns the counts. */
export async function runSources(options: SourcesOptions, hooks: SourcesHooks = {}): Promise<SourcesSummary> {
  const loaded = await loadArchive(options.archive);
  if (loaded.problems.length > 0) {
    hooks.warning?.(
      `the archive has ${loaded.problems.length} problem(s) (npm run check lists them): the articles that could be read are checked`,
    );
  }
  const writer = LedgerWriter.open(options.archive, (bytes) =>
    hooks.warning?.(`cut off an unfinished last line of the ledger (${bytes} bytes), left by a stopped run`),
  );
  try {
    // Under the lock, a capture left half-written by a stopped run is nobody's work in progress.
    const unfinished = await removePartialWrites(capturesDir(options.archive));
    if (unfinished.length > 0) hooks.warning?.(`removed ${unfinished.length} unfinished capture(s) a stopped run left`);
    const ledger = readLedger(options.archive);
    if (ledger.problems.length > 0) {
      hooks.warning?.(`the ledger has ${ledger.problems.length} line(s) that are not checks: npm run check names them`);
    }
    const byId = recordsOf(ledger.records);
    const { captures } = readCaptures(options.archive);
    const chosen = choose(loaded.articles, byId, options);
    const queue = interleaveByHost(chosen.articles).slice(0, options.limit ?? Infinity);
    const summary: SourcesSummary = {
      checked: 0,
      counts: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>,
      captures: 0,
      noUrl: chosen.noUrl,
      recent: chosen.recent,
      left: chosen.articles.length - queue.length,
    };
    hooks.start?.(queue.length, { noUrl: chosen.noUrl, recent: chosen.recent });
    const fetcher = new PoliteFetcher(options.settings);
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const article = queue[next++]!;
        const url = article.meta.url!;
        const previous = byId.get(article.meta.id)?.findLast((record) => record.sha256 !== null);
        const fetched = await fetcher.get(
          url,
          previous && {
            ...(previous.etag && { etag: previous.etag }),
            ...(previous.last_modified && { lastModified: previous.last_modified }),
          },
        );
        const checked = new Date().toISOString();
        let record: CheckRecord;
        let captured: string | undefined;
        if (!fetched.ok) {
          record = {
            id: article.meta.id,
            url,
            checked,
            outcome: fetched.outcome,
            http_status: fetched.status,
            final_url: fetched.finalUrl,
            sha256: null,
            reason: fetched.reason,
          };
        } else {
          const { response } = fetched;
          const found = classifyResponse({ url, body: article.body }, response, previous);
          record = {
            id: article.meta.id,
            url,
            checked,
            outcome: found.outcome,
            http_status: response.status,
            final_url: response.finalUrl,
            sha256: found.sha256,
            ...(found.sha256 !== null && response.etag && { etag: response.etag }),
            ...(found.sha256 !== null && response.lastModified && { last_modified: response.lastModified }),
            ...(found.reason && { reason: found.reason }),
          };
          // 304 keeps the validators of the response that had the text.
          if (response.status === 304 && previous) {
            if (previous.etag) record.etag = previous.etag;
            if (previous.last_modified) record.last_modified = previous.last_modified;
          }
          // A capture is kept once: a text already captured, in any layout, is not kept again.
          const kept = (captures.get(article.meta.id) ?? []).map((capture) => comparableText(capture.body));
          if (found.text !== undefined && found.sha256 !== null && !kept.includes(comparableText(found.text))) {
            const capture = {
              article: article.meta.id,
              url,
              final_url: response.finalUrl,
              captured: checked,
              sha256: found.sha256,
              body: found.text,
            };
            captured = await writeCapture(options.archive, capture);
            captures.set(article.meta.id, [...(captures.get(article.meta.id) ?? []), { ...capture, file: captured }]);
            summary.captures++;
          }
        }
        // The capture is written before its check: a run stopped between the two leaves a capture the next check finds.
        writer.append(record);
        const list = byId.get(record.id);
        if (list) list.push(record);
        else byId.set(record.id, [record]);
        summary.checked++;
        summary.counts[record.outcome]++;
        hooks.checked?.(record, summary.checked, captured);
      }
    };
    const workers = Math.min(queue.length, options.settings.concurrency * 2);
    await Promise.all(Array.from({ length: workers }, worker));
    return summary;
  } finally {
    writer.close();
  }
}

/** The articles a run checks, never-checked first, then those checked longest ago. */
function choose(
  articles: readonly LoadedArticle[],
  byId: Map<string, CheckRecord[]>,
  options: SourcesOptions,
): { articles: LoadedArticle[]; noUrl: number; recent: number } {
  const ids = options.ids && new Set(options.ids);
  const sources = options.sources && new Set(options.sources);
  let noUrl = 0;
  let recent = 0;
  const now = Date.now();
  const lastCheck = (id: string) => {
    const records = byId.get(id);
    return records ? Math.max(...records.map((record) => Date.parse(record.checked))) : -Infinity;
  };
  const picked = articles.filter(({ meta }) => {
    if (ids && !ids.has(meta.id)) return false;
    if (options.from && meta.date.day < options.from) return false;
    if (options.to && meta.date.day > options.to) return false;
    if (sources && !sources.has(meta.source ?? "") && !sources.has(meta.publisher ?? "")) return false;
    if (!meta.url) {
      noUrl++;
      return false;
    }
    if (options.recheckDays > 0 && now - lastCheck(meta.id) < options.recheckDays * DAY_MS) {
      recent++;
      return false;
    }
    return true;
  });
  const order = new Map(picked.map((article) => [article.meta.id, lastCheck(article.meta.id)]));
  picked.sort((a, b) => order.get(a.meta.id)! - order.get(b.meta.id)! || a.meta.id.localeCompare(b.meta.id));
  return { articles: picked, noUrl, recent };
}

/**
 * Takes articles from each host in turn, so that the workers waiting on one slow or
 * distant host do not leave the others idle.
 */
function interleaveByHost(articles: readonly LoadedArticle[]): LoadedArticle[] {
  const byHost = new Map<string, LoadedArticle[]>();
  for (const article of articles) {
    const host = new URL(article.meta.url!).host;
    const list = byHost.get(host);
    if (list) list.push(article);
    else byHost.set(host, [article]);
  }
  const lists = [...byHost.values()];
  const out: LoadedArticle[] = [];
  for (let i = 0; out.length < articles.length; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}
