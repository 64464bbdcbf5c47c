import { readFileSync } from "node:fs";
import {
  convertMetaFields,
  convertTree,
  createConverter,
  directionFrom,
  parseSiteRules,
  siteRulesPath,
  type Converter,
} from "../script/index.ts";
import { parseBody, treeToHtml } from "../markdown/render.ts";
import { archiveDir } from "../site/config.ts";
import type { ArticleMeta, ConversionRules, Script } from "./schema.ts";

const siteConverters = new Map<string, Converter>();

function readSiteRules(contentDir: string): ConversionRules {
  let text: string;
  try {
    text = readFileSync(siteRulesPath(contentDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  return parseSiteRules(text, siteRulesPath(contentDir));
}

/**
 * The converter that shows an article written in `from` in the other script: built-in
 * fixes, then the archive's site rules, then the article's own rules. Site converters
 * are built once per archive and process; undefined when no conversion is needed.
 */
export function converterFor(
  meta: ArticleMeta,
  script: Script,
  contentDir: string = archiveDir(),
): Converter | undefined {
  if (script === meta.script) return undefined;
  const key = `${contentDir}\n${meta.script}`;
  let site = siteConverters.get(key);
  if (!site) {
    site = createConverter(directionFrom(meta.script), {
      siteRules: readSiteRules(contentDir),
      siteRulesFile: siteRulesPath(contentDir),
    });
    siteConverters.set(key, site);
  }
  const names = [...(meta.persons ?? []), ...(meta.authors ?? [])];
  return site
    .withNames(names, `names in front matter of ${meta.id}`)
    .withRules(meta.conversion, `front matter of ${meta.id}`);
}

/**
 * An article's front matter as shown in one script: its reader-facing text fields
 * converted when the script is not the original. Ids, dates, URLs and codes never are.
 */
export function viewMeta(meta: ArticleMeta, script: Script, contentDir: string = archiveDir()): ArticleMeta {
  const converter = converterFor(meta, script, contentDir);
  return converter ? convertMetaFields(meta, converter) : meta;
}

/** An article's body as HTML in one script: parsed once, then only its text nodes converted. */
export function bodyHtml(meta: ArticleMeta, body: string, script: Script, contentDir: string = archiveDir()): string {
  const tree = parseBody(body);
  const converter = converterFor(meta, script, contentDir);
  if (converter) convertTree(tree, converter);
  return treeToHtml(tree);
}
