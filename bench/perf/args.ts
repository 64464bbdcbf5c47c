import { parseArgs } from "node:util";

/** The parts of the benchmark that can be run on their own. */
export const SECTIONS = [
  "sizes",
  "scripts",
  "weight",
  "phone",
  "chunks",
  "lighthouse",
  "growth",
  "parts",
  "rebuild",
  "precompress",
  "references",
  "sources",
  "dev",
  "entities",
  "ranking",
] as const;
export type Section = (typeof SECTIONS)[number];

/** What to run. */
export interface BenchOptions {
  /** Archive sizes in articles; "all" is the whole corpus. */
  sizes: (number | "all")[];
  /** Runs at sizes up to MEDIAN_MAX_ARTICLES, and pairs in the second-script comparison. */
  runs: number;
  sections: Section[];
  /** Years a part in the parts section; undefined: about four parts. */
  yearsPerPart: number | undefined;
  /** The one part the parts section builds; undefined: every part, then the assemble step. */
  part: string | undefined;
  /** Known-item queries the ranking section asks. */
  queries: number;
  /** The HTTP versions the phone section serves the site with, each measured in turn. */
  http: HttpVersion[];
  keep: boolean;
  help: boolean;
}

/** HTTP/1.1 (a bucket's website endpoint, a plain nginx) or HTTP/2 over TLS (GitHub Pages, Cloudflare, Netlify). */
export type HttpVersion = "1.1" | "2";

/** Largest archive built more than once: a run at 4,000 articles and more takes minutes. */
export const MEDIAN_MAX_ARTICLES = 2000;

export const HELP = `npm run bench -- [options]

Builds archives made from ../shared/corpus/xwlb and prints, per size, the build time and
its phases, peak memory, pages and bytes written, the floor (the same Markdown and
conversion work with no site around it), page weight, the cost of the second script,
what sharding would cost and what precompressing the site costs, how well document
references are linked (on bench/judged/references.jsonl), and how npm run sources checks
10,000 originals on local sites. Prints figures; never passes or fails.

  --sizes 1000,4000,all  archive sizes in articles; "all" is the whole corpus (~11,700);
                         larger sizes repeat the corpus under distinct ids and days
  --runs 3               runs at sizes up to ${MEDIAN_MAX_ARTICLES} articles (medians), and build pairs in
                         the second-script comparison; larger sizes run once
  --only sizes,scripts,weight,phone,chunks,lighthouse,growth,parts,rebuild,precompress,references,sources,dev,entities,ranking
                         run only these sections (weight, phone, chunks, lighthouse, growth and
                         precompress use the largest size's site; phone times first searches on
                         Slow and Fast 4G; chunks indexes the site again with each word-chunk
                         size, as one index, as the build cuts it and in parts of a year, and
                         counts the bytes first searches fetch; lighthouse scores the home, an
                         article, a search and the browse page in both scripts, mobile and
                         desktop; parts builds the largest size's archive in
                         parts, each in a process of its own, then assembles them; rebuild
                         builds it clean, adds one article and rebuilds, removes it and
                         rebuilds; SEARCH_SHARD_PAGES applies to every build; references
                         scores the links made from 《》 titles on the judged set; sources
                         checks 10,000 articles on 20 local sites answering after 50 ms; dev
                         starts npm run dev on the largest size's archive, opens article pages
                         in both scripts and edits one article; entities scores the entity
                         finder against bench/judged/; ranking asks known-item queries of the
                         largest size's site in Chromium, in each script and across scripts)
  --queries 300          known-item queries the ranking section asks
  --http 1.1,2           HTTP versions the phone section serves the site with: 1.1 lets the
                         browser fetch six files at a time, 2 (over TLS) all at once
  --years-per-part N     years a part in the parts section (default: about four parts)
  --part 2016-2022       build only this part in the parts section, without assembling
  --keep                 keep archives and sites in bench/out/work/
  --help                 this text

Archives and sites go to bench/out/work/, a copy of the report to bench/out/ (git-ignored).`;

/** Reads the command line; throws a message for the user on a bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string", default: "1000,4000,all" },
      runs: { type: "string", default: "3" },
      only: { type: "string", default: SECTIONS.join(",") },
      "years-per-part": { type: "string" },
      part: { type: "string" },
      queries: { type: "string", default: "300" },
      http: { type: "string", default: "1.1,2" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  const sizes = values.sizes.split(",").map((size) => {
    if (size.trim() === "all") return "all" as const;
    const value = Number(size.replace(/_/g, ""));
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--sizes: "${size}" is not a number of articles or "all"`);
    return value;
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive whole number`);
  const sections = values.only.split(",").map((name) => {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only: "${name}" is not one of ${SECTIONS.join(", ")}`);
    }
    return name as Section;
  });
  const queries = Number(values.queries);
  if (!Number.isInteger(queries) || queries < 1)
    throw new Error(`--queries: "${values.queries}" is not a positive whole number`);
  const http = values.http.split(",").map((version) => {
    if (version !== "1.1" && version !== "2") throw new Error(`--http: "${version}" is not 1.1 or 2`);
    return version;
  });
  const yearsPerPart = values["years-per-part"] === undefined ? undefined : Number(values["years-per-part"]);
  if (yearsPerPart !== undefined && (!Number.isInteger(yearsPerPart) || yearsPerPart < 1))
    throw new Error(`--years-per-part: "${values["years-per-part"]}" is not a positive whole number`);
  return {
    sizes,
    runs,
    sections,
    yearsPerPart,
    part: values.part,
    queries,
    http,
    keep: values.keep,
    help: values.help,
  };
}
