import type { OutputLine } from "./measure.ts";

/** Seconds spent in each phase of one `astro build`, read from the lines it printed. */
export interface BuildPhases {
  /** Process start to "[content] Syncing content": Node, Astro and the configuration. */
  startup: number;
  /** "Syncing content" to "Synced content": the archive loader and Astro's data store. */
  content: number;
  /** Of content: "Syncing content" to the loader's "N articles loaded" (reading and checking the files). */
  loader: number;
  /** "Synced content" to "generating static routes": types and the Vite bundles. */
  bundling: number;
  /** "generating static routes" to its "Completed in": rendering every page (conversion included). */
  generation: number;
  /** The search integration's "indexing article pages" to its "search index: … in N s" line. */
  search: number;
  /** The downloads integration writing every article's citation and source files, as it reports (before search indexing). */
  downloads: number;
  /** Everything after page generation that is not search indexing or the downloads before it (other build hooks, exit). */
  afterwards: number;
  total: number;
}

/** What a build's log says besides its phases. */
export interface BuildLog {
  phases: BuildPhases;
  /** Astro's "[build] N page(s) built". */
  pagesBuilt: number;
  /** Seconds the search integration reported for itself. */
  searchReported: number;
  /** Seconds of page rendering per family of routes (/zh-hant/articles/[id], /data/cite/[id].bib …). */
  routeSeconds: Map<string, number>;
  routes: number;
}

const MARKERS = {
  syncing: /\[content\] Syncing content/,
  loaded: /\[archive-articles\] \d+ articles loaded/,
  synced: /\[content\] Synced content/,
  generating: /generating static routes/,
  generated: /^\S+ ✓ Completed in /,
  searchStart: /\[archive-search\] indexing article pages/,
  searchEnd: /\[archive-search\] search index: .* in ([\d.]+) s/,
  downloads: /\[archive-downloads\] \d+ download files of \d+ articles written in ([\d.]+) s/,
  built: /\[build\] (\d+) page\(s\) built/,
} as const;

const ROUTE = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/;

/** Reads a build's log line by line; `result` derives the phases from the marker lines seen. */
export class BuildLogReader {
  private readonly seen = new Map<keyof typeof MARKERS, { seconds: number; match: RegExpExecArray }>();
  private readonly routeSeconds = new Map<string, number>();
  private routes = 0;

  /** Takes one line; returns true when it is a route line (which progress output may skip). */
  read(line: OutputLine): boolean {
    const route = ROUTE.exec(line.text);
    if (route?.[1] && route[2]) {
      const family = routeFamily(route[1]);
      const seconds = Number(route[2]) / (route[3] === "ms" ? 1000 : 1);
      this.routeSeconds.set(family, (this.routeSeconds.get(family) ?? 0) + seconds);
      this.routes++;
      return true;
    }
    for (const [name, pattern] of Object.entries(MARKERS) as [keyof typeof MARKERS, RegExp][]) {
      const match = pattern.exec(line.text);
      // Only the first "Completed in" after route generation starts marks its end.
      if (match && !this.seen.has(name) && (name !== "generated" || this.seen.has("generating"))) {
        this.seen.set(name, { seconds: line.seconds, match });
      }
    }
    return false;
  }

  /** The phases of a finished build that lasted `total` seconds. */
  result(total: number): BuildLog {
    const at = (name: keyof typeof MARKERS): number => this.seen.get(name)?.seconds ?? Number.NaN;
    const search = at("searchEnd") - at("searchStart");
    const searchTime = Number.isNaN(search) ? 0 : search;
    const downloads = Number(this.seen.get("downloads")?.match[1] ?? 0);
    // The downloads are written before the search index, one after the other.
    const searchAndDownloads = searchTime + downloads;
    return {
      phases: {
        startup: at("syncing"),
        content: at("synced") - at("syncing"),
        loader: at("loaded") - at("syncing"),
        bundling: at("generating") - at("synced"),
        generation: at("generated") - at("generating"),
        search: searchTime,
        downloads,
        afterwards: total - at("generated") - searchAndDownloads,
        total,
      },
      pagesBuilt: Number(this.seen.get("built")?.match[1] ?? 0),
      searchReported: Number(this.seen.get("searchEnd")?.match[1] ?? 0),
      routeSeconds: this.routeSeconds,
      routes: this.routes,
    };
  }
}

/** A route's family: its first three path segments, with article ids written as [id]. */
export function routeFamily(route: string): string {
  const segments = route
    .replace(/\d{4}-\d{2}-\d{2}-[0-9a-z]+/g, "[id]")
    .split("/")
    .filter(Boolean);
  return `/${segments.slice(0, 3).join("/")}`;
}
