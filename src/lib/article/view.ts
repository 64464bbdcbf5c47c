import { readFileSync } from "node:fs";
import type { Root } from "hast";
import {
  convertMetaFields,
  convertTree,
  createConverter,
  directionFrom,
  parseSiteRules,
  siteRulesPath,
  type Converter,
  type KnownNames,
} from "../script/index.ts";
import { parseBody, treeToHtml } from "../markdown/render.ts";
import type { ReferenceResolver } from "../references/types.ts";
import { outline, type OutlineEntry } from "../markdown/structure.ts";
import { blockTexts } from "../markdown/blocks.ts";
import { articleDescription } from "./description.ts";
import { isArticleAnchor } from "../structure/labels.ts";
import { linkAttachments } from "../markdown/attachments.ts";
import { attachmentPath } from "../site/urls.ts";
import type { Attachment } from "./attachments.ts";
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
 * The names an article's conversion writes as names (Converter.withNames): the people
 * (`persons`, `authors`), places and organisations of its record, in the article's script,
 * whether its front matter lists them or they were found in its text (src/lib/entities/),
 * so that every page, feed and export converts them the same way.
 */
export function knownNames(meta: ArticleMeta): KnownNames {
  return {
    persons: [...(meta.persons ?? []), ...(meta.authors ?? [])],
    places: meta.places ?? [],
    organizations: meta.organizations ?? [],
  };
}

/**
 * The converter that shows an article written in `from` in the other script: built-in
 * fixes, then the archive's site rules, then the article's names (`names`, by default
 * knownNames) and its own rules. Site converters are built once per archive and process;
 * undefined when no conversion is needed.
 */
export function converterFor(
  meta: ArticleMeta,
  script: Script,
  contentDir: string = archiveDir(),
  names: KnownNames = knownNames(meta),
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
  return site.withNames(names, `names known in ${meta.id}`).withRules(meta.conversion, `front matter of ${meta.id}`);
}

/**
 * An article's front matter as shown in one script: its reader-facing text fields
 * converted when the script is not the original. Ids, dates, URLs and codes never are.
 */
export function viewMeta(meta: ArticleMeta, script: Script, contentDir: string = archiveDir()): ArticleMeta {
  const converter = converterFor(meta, script, contentDir);
  return converter ? convertMetaFields(meta, converter) : meta;
}

/** An article's body as shown in one script: its HTML and its contents list. */
export interface BodyView {
  html: string;
  outline: OutlineEntry[];
  /** Whether the body has clauses (第X条) with anchors, which a citation can point to. */
  hasClauses: boolean;
  /** The page's meta description: the body's first sentences, in the page's script. */
  description: string;
}

/**
 * An article's body in one script: parsed once, then only its text nodes converted. A build
 * makes an article's two pages one after the other, so the parsed body is kept for the
 * page in the other script (see `parsedBody`). With `references`, the documents and clauses
 * the body cites are links (src/lib/references/).
 */
export function bodyView(
  meta: ArticleMeta,
  body: string,
  script: Script,
  attachments: readonly Attachment[] = [],
  contentDir: string = archiveDir(),
  references?: ReferenceResolver,
): BodyView {
  const converter = converterFor(meta, script, contentDir);
  const tree = parsedBody(meta, body, attachments, converter !== undefined, references);
  if (converter) convertTree(tree, converter);
  const title = converter ? converter.convert(meta.title) : meta.title;
  return {
    html: treeToHtml(tree),
    outline: outline(tree),
    hasClauses: hasClauses(tree),
    description: articleDescription(blockTexts(tree), title),
  };
}

/** The last body parsed, unconverted with its attachments linked, and what it was parsed from. */
let lastParsed:
  { id: string; body: string; attachments: string; references: ReferenceResolver | undefined; tree: Root } | undefined;

/**
 * The parsed body of an article with its attachments linked, in its original script. The
 * last one is kept for the article's page in the other script: the original's page only
 * reads it; the converted page takes it and converts it in place, so when the converted
 * page comes first, a copy is kept. An edited body (the dev server) is parsed again.
 */
function parsedBody(
  meta: ArticleMeta,
  body: string,
  attachments: readonly Attachment[],
  toConvert: boolean,
  references: ReferenceResolver | undefined,
): Root {
  const { id } = meta;
  const attachmentKey = JSON.stringify(attachments);
  const kept = lastParsed;
  if (
    kept &&
    kept.id === id &&
    kept.body === body &&
    kept.attachments === attachmentKey &&
    kept.references === references
  ) {
    if (toConvert) lastParsed = undefined;
    return kept.tree;
  }
  const citing = { id, title: meta.title, day: meta.date.day, script: meta.script };
  const tree = parseBody(body, references && { citing, resolver: references });
  linkAttachments(tree, attachments, (name) => attachmentPath(id, name));
  lastParsed = { id, body, attachments: attachmentKey, references, tree: toConvert ? structuredClone(tree) : tree };
  return tree;
}

function hasClauses(tree: Root): boolean {
  return tree.children.some((node) => {
    const id = node.type === "element" ? node.properties["id"] : undefined;
    return typeof id === "string" && isArticleAnchor(id);
  });
}
