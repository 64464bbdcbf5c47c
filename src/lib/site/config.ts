import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { basePath } from "./base.ts";

const inBothScripts = z.strictObject({ hans: z.string().trim().min(1), hant: z.string().trim().min(1) });

/** What `url` must be, said whenever it is not. */
const URL_EXPECTED =
  "expected the address the site is published at: http:// or https://, a host, an optional path, " +
  "and no ?query or #fragment (like https://archive.example.org or https://example.github.io/policy-archive)";

/** Why a `url` setting cannot be the site's address, or undefined when it can. */
export function siteUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an address";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `starts with ${url.protocol}`;
  if (url.username || url.password) return "carries a user name or password";
  if (value.includes("?")) return "carries a ?query";
  if (value.includes("#")) return "carries a #fragment";
  return undefined;
}

/** How `npm run sources` checks originals (docs/sources.md); every setting has a polite default. */
const sourcesSchema = z
  .strictObject({
    /** Requests at a time in all. */
    concurrency: z.number().int().min(1).default(8),
    /** Requests at a time to one host. */
    per_host: z.number().int().min(1).default(1),
    /** Milliseconds between the starts of two requests to one host. */
    delay_ms: z.number().int().min(0).default(2000),
    /** Milliseconds a request may take, its whole body included. */
    timeout_ms: z.number().int().min(100).default(30000),
    /** Further attempts after a timeout, a failed connection or a 5xx status. */
    retries: z.number().int().min(0).max(10).default(2),
    /** Milliseconds before the first retry; each further retry waits twice as long. */
    backoff_ms: z.number().int().min(0).default(5000),
    /** Bytes a response may have; a longer one is not read. */
    max_bytes: z.number().int().min(1024).default(5_000_000),
    /** An article checked fewer days ago than this is not checked again, unless asked (--all). */
    recheck_days: z.number().min(0).default(6),
    /** Hosts whose robots.txt is not honoured: the maintainer's own sites. */
    ignore_robots: z.array(z.string().trim().min(1)).default([]),
  })
  .prefault({});

const siteSchema = z
  .strictObject({
    title: inBothScripts,
    description: inBothScripts,
    url: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const problem = siteUrlProblem(value);
        if (problem) context.addIssue({ code: "custom", message: `${URL_EXPECTED}; "${value}" ${problem}` });
      })
      .transform((value) => value.replace(/\/+$/, "")),
    default_script: z.enum(["hans", "hant"]),
    /** Write a CNAME file holding the host of `url`, for hosts that take a custom domain from it. */
    cname: z.boolean().default(false),
    /** Write .gz and .br copies beside text files, for servers that send them as they are (docs/publishing.md). */
    precompress: z.boolean().default(false),
    /**
     * Write each article's citations (BibTeX, RIS, CSL-JSON) and Markdown file as files of
     * their own too; by default its page carries them and a zip per month holds the Markdown
     * files (docs/publishing.md, "Hosts and their limits").
     */
    download_files: z.boolean().default(false),
    /**
     * Build in parts of this many calendar years each (docs/performance.md): the search index
     * is cut at the parts' boundaries, so a one-process build and one made of parts are the same.
     */
    years_per_part: z.number().int().min(1).optional(),
    sources: sourcesSchema,
  })
  .superRefine((site, context) => {
    if (site.cname && URL.canParse(site.url) && basePath(site.url) !== "/") {
      context.addIssue({
        code: "custom",
        path: ["cname"],
        message: `a custom domain serves the site at its root, but url "${site.url}" has a path: remove the path or cname`,
      });
    }
  });

/** Site-wide settings from `<archive>/site.yaml`. */
export type SiteConfig = z.output<typeof siteSchema>;

/** The archive folder: `ARCHIVE_DIR` when set (tests and benchmarks build other archives), else `content`. */
export function archiveDir(): string {
  return path.resolve(process.env["ARCHIVE_DIR"] ?? "content");
}

/**
 * Whether article pages are built in their original script only (`ARCHIVE_SCRIPTS=original`;
 * default `both`): the benchmark measures what the second script costs (docs/performance.md).
 */
export function originalScriptOnly(): boolean {
  const value = process.env["ARCHIVE_SCRIPTS"] ?? "both";
  if (value !== "both" && value !== "original") {
    throw new Error(`ARCHIVE_SCRIPTS must be "both" or "original", got "${value}"`);
  }
  return value === "original";
}

/** The settings last read from each site.yaml, with the text they were read from. */
const readSettings = new Map<string, { text: string; site: SiteConfig }>();

/**
 * Reads and checks `site.yaml`, throwing an error that names the file and each bad field.
 * Every page of a build asks for the settings; the file is read each time (the dev server
 * shows edits), parsed and checked only when its text changed.
 */
export function loadSiteConfig(dir: string = archiveDir()): SiteConfig {
  const file = path.join(dir, "site.yaml");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${file}: cannot read the site settings: ${(error as Error).message}`);
  }
  const known = readSettings.get(file);
  if (known?.text === text) return known.site;
  const site = checkSiteConfig(file, text);
  readSettings.set(file, { text, site });
  return site;
}

function checkSiteConfig(file: string, text: string): SiteConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: cannot read the site settings: ${(error as Error).message}`);
  }
  const result = siteSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new Error(lines.join("\n"));
  }
  return result.data;
}
