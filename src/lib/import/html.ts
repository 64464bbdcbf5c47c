import type { Element, ElementContent, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";
import type { Root as MdastRoot } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import { unified } from "unified";
import { parseArticleDate } from "../article/dates.ts";
import { dropRubyAnnotations } from "../cleanup/ruby.ts";
import { cleanInline, cleanLine } from "../cleanup/text.ts";
import { joinCjkLineBreaks } from "../cleanup/whitespace.ts";
import { parseBreadcrumb, parseByline, parseDateText, parseEditorLine, splitEditorTail, splitNames } from "./byline.ts";
import { addStats, ImportError, type CleanupStats, type Draft, type ImportWarning } from "./draft.ts";
import { plainText, tidyMarkdownTree } from "./mdast.ts";
import { stringifyMarkdown } from "./markdown.ts";
import { mojibakeWarnings } from "./warnings.ts";
import type { LocalFileResolver } from "./local-files.ts";
import { pageWidgetsOf, widgetMessage } from "./widgets.ts";

/**
 * Saved HTML pages, and HTML bodies in JSONL. The article is taken out of the page
 * (headline from the h1 or the <title>, metadata from meta tags and the byline,
 * the text from the element that holds most of the page's paragraphs), cleaned
 * like copied text and converted to Markdown with rehype-remark.
 */

const pageParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });
const toMdast = unified().use(rehypeRemark);

/** Elements that are never article text. */
const DROPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "nav",
  "svg",
  "canvas",
  "audio",
  "video",
  "head",
  "link",
  "meta",
]);
/** Class or id words of page furniture inside or around the article. */
const FURNITURE =
  /(?:^|[\s_-])(?:share|bdshare|related|recommend|comment|toolbar|breadcrumbs?|crumbs?|pagination|pager|print|qrcode)(?:$|[\s_-])/i;
/** Class or id words of the element holding the article text on common Chinese news sites. */
const CONTENT_NAMES =
  /(?:^|[\s_-])(?:article|content|articlecontent|article-content|trs_editor|zoom|detail|text|txt|rm_txt_con|left_zw|post-content|entry-content|newscontent|pages_content|articlebody|main-text)(?:$|[\s_-])/i;
const BLOCKS = new Set([
  "p",
  "div",
  "li",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "section",
  "article",
  "dd",
  "dt",
  "figcaption",
  "center",
]);

/** Where a line of the HTML source is reported: a file line, or a description for JSONL bodies. */
type Place = (line: number) => number | string;

interface BodyResult {
  markdown: string;
  stats: CleanupStats;
  warnings: ImportWarning[];
  editor?: string;
}

/**
 * Reads a saved HTML page into a draft. Throws ImportError when the page holds no article text.
 * `localFile` says which relative links are files saved beside the page, and their new names.
 */
export function readHtmlPage(html: string, localFile?: LocalFileResolver): Draft {
  const page = dropRubyAnnotations(pageParser.parse(html));
  const meta = collectMeta(page);
  const body = findElement(page, (element) => element.tagName === "body") ?? page;
  const shown = withoutFurniture(body, false);
  const visible = withoutFurniture(body);
  const warnings: ImportWarning[] = [];
  const stats: CleanupStats = { pinyin: 0, punctuation: 0 };
  const fields: Record<string, unknown> = {};

  const titleTag = cleanLine(
    toText(findElement(page, (element) => element.tagName === "title") ?? { type: "root", children: [] }),
  ).text;
  const h1 = pickHeadline(visible, [meta.get("articletitle"), meta.get("og:title"), titleTag]);
  let title = h1 ? cleanHeadline(h1, stats, warnings) : "";
  if (!title) title = meta.get("articletitle") ?? meta.get("og:title") ?? titleFromTitleTag(titleTag);
  if (title) fields.title = cleanLine(title).text;
  if (h1) {
    const kicker = siblingHeading(h1.parent, h1.element, -1);
    const subtitle = siblingHeading(h1.parent, h1.element, +1);
    if (kicker) fields.kicker = cleanHeadline({ element: kicker, parent: h1.parent }, stats, warnings);
    if (subtitle) fields.subtitle = cleanHeadline({ element: subtitle, parent: h1.parent }, stats, warnings);
  }

  // The byline and the breadcrumb (furniture, but telling) are read from the page's text lines around the headline.
  const lines = toText(shown)
    .split("\n")
    .map((line) => cleanLine(line).text)
    .filter(Boolean);
  const titleLine = title ? lines.findIndex((line) => line.includes(String(fields.title))) : -1;
  if (titleLine >= 0) {
    for (const line of lines.slice(Math.max(0, titleLine - 10), titleLine).reverse()) {
      const crumb = parseBreadcrumb(line);
      if (crumb && (crumb.publisher || crumb.section)) {
        Object.assign(fields, crumb);
        break;
      }
    }
    for (const line of lines.slice(titleLine + 1, titleLine + 9)) {
      const byline = parseByline(line);
      if (!byline) continue;
      for (const [key, value] of Object.entries(byline)) if (value !== undefined) fields[key] ??= value;
    }
  }
  const base = baseUrl(page, meta);
  fillFromMeta(fields, meta, warnings);
  if (fields.url === undefined && base && canonical(page) === base) fields.url = base;
  const lastEditor = lines
    .map(parseEditorLine)
    .filter((editor) => editor !== undefined)
    .at(-1);

  const content = pickContent(visible, h1?.element);
  if (!content) throw new ImportError("no article text found in the page (no element with paragraphs of text)");
  const saved = new Set<string>();
  const resolved = resolveUrls(
    withoutHeadline(content, h1?.element),
    base,
    localFile &&
      ((url) => {
        const name = localFile(url);
        if (name) saved.add(name);
        return name;
      }),
  );
  const converted = htmlBodyToMarkdown(resolved, (line) => line);
  addStats(stats, converted.stats);
  warnings.push(...converted.warnings);
  const editor = converted.editor ?? lastEditor;
  if (editor !== undefined) fields.editor ??= editor;
  // Images saved beside the page come along; the others stay on the site.
  const images = countElements(resolved, "img", (element) => !saved.has(String(element.properties.src)));
  if (images > 0) {
    warnings.push({
      message: `the article has ${images} image${images > 1 ? "s" : ""} still pointing to ${base ? "the original site" : "addresses relative to the original page"}: download ${images > 1 ? "them into the archive if they" : "it into the archive if it"} should be kept`,
    });
  }
  return { fields, body: converted.markdown, warnings, stats };
}

/** Converts an HTML fragment (a JSONL body) to a clean Markdown body. */
export function htmlFragmentToMarkdown(html: string, place: Place): BodyResult {
  return htmlBodyToMarkdown(fragmentParser.parse(html), place);
}

/** Whether text is HTML rather than Markdown: it starts with an HTML block or inline tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:p|div|section|article|h[1-6]|ul|ol|table|blockquote|figure|span|strong|b|br|img|center|font)\b[^>]*>/i.test(
    text,
  );
}

/**
 * The body conversion: ruby annotations and page furniture go, text is cleaned,
 * a closing 责任编辑 note is taken out, and the tree becomes Markdown.
 */
function htmlBodyToMarkdown(tree: Root | Element, place: Place): BodyResult {
  const stats: CleanupStats = { pinyin: 0, punctuation: 0 };
  const warnings: ImportWarning[] = [];
  const root: Root = {
    type: "root",
    children: cleanTextNodes(withoutFurniture(dropRubyAnnotations(tree)).children, stats, warnings, place, true),
  };
  const mdast = toMdast.runSync(root) as MdastRoot;
  tidyMarkdownTree(mdast);
  dropWidgetParagraphs(mdast, "start", warnings, place);
  dropWidgetParagraphs(mdast, "end", warnings, place);
  const editor = takeEditorNote(mdast);
  if (editor !== undefined) dropWidgetParagraphs(mdast, "end", warnings, place);
  return { markdown: stringifyMarkdown(mdast), stats, warnings, ...(editor === undefined ? {} : { editor }) };
}

/** Cleans every text node (new nodes, the input tree is not changed); indentation at the start of a block or line goes. */
function cleanTextNodes(
  children: ElementContent[] | RootContent[],
  stats: CleanupStats,
  warnings: ImportWarning[],
  place: Place,
  blockStart: boolean,
): ElementContent[] {
  const out: ElementContent[] = [];
  let atStart = blockStart;
  for (const child of children) {
    if (child.type === "text") {
      let value = joinCjkLineBreaks(child.value);
      if (atStart) value = value.replace(/^[\s\u3000\u00A0]+/, "");
      const cleaned = cleanInline(value);
      addStats(stats, cleaned);
      const startLine = child.position?.start.line ?? 1;
      warnings.push(...mojibakeWarnings(cleaned.mojibake, (line) => place(startLine + line - 1)));
      out.push({ ...child, value: cleaned.text });
      if (cleaned.text.trim() !== "") atStart = false;
    } else if (child.type === "element") {
      const block = BLOCKS.has(child.tagName);
      out.push({ ...child, children: cleanTextNodes(child.children, stats, warnings, place, block || atStart) });
      if (child.tagName === "br") atStart = true;
      else if (block) atStart = blockStart;
      else if (toText(child).trim() !== "") atStart = false;
    } else if (child.type !== "comment" && child.type !== "doctype") {
      out.push(child);
    }
  }
  return out;
}

/** Removes paragraphs that are page widgets (分享到：微信 微博, 【打印】) from the start or end of the body, with a warning each. */
function dropWidgetParagraphs(tree: MdastRoot, end: "start" | "end", warnings: ImportWarning[], place: Place): void {
  for (;;) {
    const node = end === "start" ? tree.children[0] : tree.children.at(-1);
    if (node?.type !== "paragraph") return;
    const text = plainText(node);
    const widgets = pageWidgetsOf(text);
    if (widgets.length === 0) return;
    // Paragraphs split at <br><br> are new nodes: their text still has its place in the source.
    const start = node.position ?? node.children.find((child) => child.position)?.position;
    const where = place(start?.start.line ?? 1);
    const message = widgetMessage(text, widgets);
    warnings.push(typeof where === "number" ? { line: where, message } : { where, message });
    if (end === "start") tree.children.shift();
    else tree.children.pop();
  }
}

/** Takes a closing responsible-editor note (（责任编辑：张三）) out of the body, returning the editor. */
function takeEditorNote(tree: MdastRoot): string | undefined {
  const last = tree.children.at(-1);
  if (last?.type !== "paragraph") return undefined;
  const editor = parseEditorLine(plainText(last));
  if (editor !== undefined) {
    tree.children.pop();
    return editor;
  }
  const tail = last.children.at(-1);
  if (tail?.type !== "text") return undefined;
  const split = splitEditorTail(tail.value);
  if (!split) return undefined;
  tail.value = split.text;
  return split.editor;
}

/**
 * A copy of a tree without elements that are never article text, hidden elements
 * and (unless `furniture` is false) elements named as page furniture.
 */
function withoutFurniture<T extends Root | Element>(tree: T, furniture = true): T {
  const keep = (node: RootContent | ElementContent): boolean => {
    if (node.type === "comment") return false;
    if (node.type !== "element") return true;
    if (DROPPED_TAGS.has(node.tagName)) return false;
    const props = node.properties;
    if (props.hidden !== undefined && props.hidden !== false) return false;
    if (/display\s*:\s*none/i.test(String(props.style ?? ""))) return false;
    const names = `${Array.isArray(props.className) ? props.className.join(" ") : String(props.className ?? "")} ${String(props.id ?? "")}`;
    return !(furniture && FURNITURE.test(names));
  };
  const walk = <N extends Root | Element>(node: N): N => ({
    ...node,
    children: node.children.filter(keep).map((child) => (child.type === "element" ? walk(child) : child)),
  });
  return walk(tree);
}

/** meta tags by lowercased name, property, itemprop or http-equiv. */
function collectMeta(tree: Root): Map<string, string> {
  const meta = new Map<string, string>();
  visitElements(tree, (element) => {
    if (element.tagName !== "meta") return;
    const props = element.properties;
    const content = props.content;
    if (typeof content !== "string" || content.trim() === "") return;
    for (const key of [props.name, props.property, props.itemProp, props.httpEquiv]) {
      const name = Array.isArray(key) ? key.join(" ") : key;
      if (typeof name === "string" && !meta.has(name.toLowerCase())) meta.set(name.toLowerCase(), content.trim());
    }
  });
  return meta;
}

const META_DATE = [
  "pubdate",
  "publishdate",
  "article:published_time",
  "datepublished",
  "publish_date",
  "og:release_date",
  "firstpublishedtime",
  "releasedate",
  "dc.date",
  "date",
];
const META_SOURCE = ["contentsource", "source", "article:source"];
const META_AUTHOR = ["author", "article:author", "authors"];
const META_PUBLISHER = ["sitename", "og:site_name", "application-name", "publisher"];
const META_SECTION = ["columnname", "article:section", "section", "column"];
const first = (meta: Map<string, string>, keys: readonly string[]) =>
  keys.map((key) => meta.get(key)).find((value) => value);

/** Fills fields the visible page did not give from the page's meta tags. */
function fillFromMeta(fields: Record<string, unknown>, meta: Map<string, string>, warnings: ImportWarning[]): void {
  const clean = (value: string) => cleanLine(value).text;
  const date = first(meta, META_DATE);
  if (fields.date === undefined && date) {
    const exact = parseArticleDate(date);
    const parsed = exact ? (exact.hasTime ? exact.iso : exact.day) : parseDateText(date);
    if (parsed) fields.date = parsed;
    else warnings.push({ message: `the page's date meta tag «${date}» is not a date` });
  }
  const source = first(meta, META_SOURCE);
  if (fields.source === undefined && source) fields.source = clean(source);
  const publisher = first(meta, META_PUBLISHER);
  if (fields.publisher === undefined && publisher) fields.publisher = clean(publisher);
  const section = first(meta, META_SECTION);
  if (fields.section === undefined && section) fields.section = clean(section);
  const author = first(meta, META_AUTHOR);
  if (fields.authors === undefined && author && clean(author) !== fields.publisher && !/^https?:/.test(author)) {
    fields.authors = splitNames(clean(author));
  }
  const url = meta.get("og:url") ?? meta.get("url");
  if (fields.url === undefined && url && /^https?:\/\//.test(url)) fields.url = url;
}

/** The page's own address, for resolving relative links: <base href>, <link rel=canonical> or og:url. */
function baseUrl(tree: Root, meta: Map<string, string>): string | undefined {
  const base = findElement(
    tree,
    (element) => element.tagName === "base" && typeof element.properties.href === "string",
  );
  const candidate = (base?.properties.href as string | undefined) ?? canonical(tree) ?? meta.get("og:url");
  return candidate && /^https?:\/\//.test(candidate) && URL.canParse(candidate) ? candidate : undefined;
}

/** The address in <link rel=canonical>: the page's permanent address, the article's url. */
function canonical(tree: Root): string | undefined {
  const link = findElement(tree, (element) => {
    const rel = element.properties.rel;
    return (
      element.tagName === "link" &&
      Array.isArray(rel) &&
      rel.includes("canonical") &&
      typeof element.properties.href === "string"
    );
  });
  return link?.properties.href as string | undefined;
}

/**
 * A copy of a tree with relative link and image addresses made absolute against the page's
 * address, except those to files saved beside the page, which get the files' new names. A
 * link to a refused file is dropped: an image leaves its alt text, a link its text.
 */
function resolveUrls<T extends Root | Element>(tree: T, base: string | undefined, localFile?: LocalFileResolver): T {
  if (!base && !localFile) return tree;
  const walk = <N extends Root | Element>(node: N): N => ({
    ...node,
    children: node.children.map((child) => {
      if (child.type !== "element") return child;
      const props = { ...child.properties };
      for (const key of ["href", "src"] as const) {
        const value = props[key];
        if (typeof value !== "string" || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
        const local = localFile?.(value);
        if (local === null) {
          const alt = typeof props.alt === "string" ? props.alt : "";
          return child.tagName === "img"
            ? { type: "text" as const, value: alt }
            : walk({ ...child, tagName: "span", properties: {} });
        }
        if (local !== undefined) props[key] = local;
        else if (base && URL.canParse(value, base)) props[key] = new URL(value, base).href;
      }
      return walk({ ...child, properties: props });
    }),
  });
  return walk(tree);
}

interface Located {
  element: Element;
  parent: Root | Element;
}

/**
 * The article's h1: a page may have several (the site logo is often one), so the
 * longest one whose text the <title> or a title meta tag contains wins (the logo's
 * site name is in the <title> too, but shorter), else the first with text.
 */
function pickHeadline(tree: Root | Element, titles: (string | undefined)[]): Located | undefined {
  const found: Located[] = [];
  visitElements(tree, (element, parent) => {
    if (element.tagName === "h1" && toText(element).trim() !== "") found.push({ element, parent });
  });
  const known = titles.filter((title): title is string => Boolean(title)).map((title) => cleanLine(title).text);
  const length = ({ element }: Located) => cleanLine(toText(element)).text.length;
  const inTitle = found.filter(({ element }) => known.some((title) => title.includes(cleanLine(toText(element)).text)));
  return inTitle.sort((a, b) => length(b) - length(a))[0] ?? found[0];
}

function cleanHeadline(located: Located, stats: CleanupStats, warnings: ImportWarning[]): string {
  const cleaned = cleanLine(toText(located.element).replace(/\s*\n\s*/g, " "));
  addStats(stats, cleaned);
  const line = located.element.position?.start.line ?? 1;
  warnings.push(...mojibakeWarnings(cleaned.mojibake, () => line));
  return cleaned.text;
}

/** The heading just before (-1) or after (+1) the h1: a kicker or a subtitle. */
function siblingHeading(parent: Root | Element, element: Element, step: -1 | 1): Element | undefined {
  const siblings: Element[] = [];
  for (const child of parent.children) if (child.type === "element") siblings.push(child);
  const sibling = siblings[siblings.indexOf(element) + step];
  return sibling && /^h[2-6]$/.test(sibling.tagName) && toText(sibling).trim() !== "" ? sibling : undefined;
}

/** A <title> usually reads «headline_section_site» or «headline - site»: keep the headline. */
function titleFromTitleTag(title: string): string {
  const [head] = title.split(/\s*(?:_|\||｜| - | — |－|——)\s*/);
  return head && [...head].length >= 4 ? head : title;
}

/**
 * The element holding the article text: the one whose own paragraphs (child <p>s,
 * or text and <br>s directly inside it) hold the most text, favouring the names
 * news sites give it (TRS_Editor, article-content, zoom...).
 */
function pickContent(tree: Root | Element, headline: Element | undefined): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  visitElements(tree, (element) => {
    if (element === headline) return;
    let own = 0;
    for (const child of element.children) {
      if (child.type === "text") own += child.value.trim().length;
      else if (child.type === "element" && (child.tagName === "p" || child.tagName === "br"))
        own += toText(child).trim().length;
    }
    const names = `${Array.isArray(element.properties.className) ? element.properties.className.join(" ") : ""} ${String(element.properties.id ?? "")}`;
    const score = own * (CONTENT_NAMES.test(names) || element.tagName === "article" ? 1.5 : 1);
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  });
  return bestScore > 0 ? best : undefined;
}

/** The content element without the headline, when the headline sits inside it. */
function withoutHeadline(content: Element, headline: Element | undefined): Element {
  if (!headline) return content;
  const walk = (node: Element): Element => ({
    ...node,
    children: node.children
      .filter((child) => child !== headline)
      .map((child) => (child.type === "element" ? walk(child) : child)),
  });
  return walk(content);
}

function findElement(tree: Root | Element, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visitElements(tree, (element) => {
    if (!found && test(element)) found = element;
  });
  return found;
}

function countElements(
  tree: Root | Element,
  tagName: string,
  test: (element: Element) => boolean = () => true,
): number {
  let count = 0;
  visitElements(tree, (element) => {
    if (element.tagName === tagName && test(element)) count++;
  });
  return count;
}

function visitElements(node: Root | Element, visit: (element: Element, parent: Root | Element) => void): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    visit(child, node);
    visitElements(child, visit);
  }
}
