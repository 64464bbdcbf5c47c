import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const inBothScripts = z.strictObject({ hans: z.string().trim().min(1), hant: z.string().trim().min(1) });

const siteSchema = z.strictObject({
  title: inBothScripts,
  description: inBothScripts,
  url: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, "")),
  default_script: z.enum(["hans", "hant"]),
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

/** Reads and checks `site.yaml`, throwing an error that names the file and each bad field. */
export function loadSiteConfig(dir: string = archiveDir()): SiteConfig {
  const file = path.join(dir, "site.yaml");
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
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
