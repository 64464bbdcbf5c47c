import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { ImportError } from "../import/draft.ts";
import { readHtmlPage } from "../import/html.ts";
import { comparableText, contentHash, sha256 } from "./text.ts";
import type { CheckRecord, Outcome } from "./types.ts";

/**
 * What a response says about an article's original: still there with the same text,
 * there with other text, removed (by its status, by a redirect to a home or index page,
 * or by a page saying it does not exist), blocked, or unreachable. Pure: the fetching is
 * done elsewhere (fetch.ts).
 */

/** A response as the checker read it. */
export interface PageResponse {
  status: number;
  /** The address after redirects. */
  finalUrl: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
  body: Uint8Array;
}

/** The article as archived. */
export interface ArchivedText {
  url: string;
  /** The archived Markdown body. */
  body: string;
}

/** A classified check, without its time. */
export interface Classification {
  outcome: Outcome;
  sha256: string | null;
  reason?: string;
  /** The new text (Markdown, cleaned by the import) when the original has changed. */
  text?: string;
}

const pageParser = unified().use(rehypeParse);

/** Words pages use to say they do not exist, in either script and in English. */
const MISSING_WORDS =
  /(?:页面|頁面|网页|網頁|文章|信息|資訊|内容|內容|稿件|新闻|新聞|链接|鏈接|連結)(?:已经|已經|已)?(?:被)?(?:不存在|删除|刪除|下线|下線|撤销|撤銷|过期|過期|失效)|(?:找不到|未找到|无法找到|無法找到)(?:您要的|您访问的|您訪問的|该|該|此|相关|相關)?(?:页面|頁面|网页|網頁|文章|信息|内容|內容)|您(?:所)?(?:访问|訪問|请求|請求|查看)的(?:页面|頁面|网页|網頁|文章|信息|内容|內容)(?:不存在|已删除|已刪除)|(?<![\p{Script=Han}\d])404(?![\p{Script=Han}\d])|404(?:错误|錯誤|页面|頁面)|(?:错误|錯誤)\s*404|page not found|not found/iu;

/** Text shorter than this, on a page that says it is missing, is an error page and not an article about one. */
const ERROR_PAGE_CHARS = 500;

/** Statuses that mean the page is gone; statuses that mean the checker is refused. */
const GONE = new Set([404, 410]);
const REFUSED = new Set([401, 403, 451]);

/** Paths of a site's home page. */
const HOME = /^\/(?:(?:index|default|home|main)\.(?:s?html?|php|jsp|aspx?))?$/i;

/** Whether a redirect took the reader from an article to a home page or the index of a section. */
export function isRedirectToIndex(original: string, final: string): boolean {
  if (!URL.canParse(original) || !URL.canParse(final)) return false;
  const from = new URL(original);
  const to = new URL(final);
  if (from.href === to.href) return false;
  const fromPath = from.pathname;
  const toPath = to.pathname;
  if (fromPath === toPath && from.host === to.host) return false;
  if (HOME.test(toPath)) return !HOME.test(fromPath);
  if (/(?:^|\/)(?:404|error|notfound|not-found)(?:[./]|$)/i.test(toPath)) return true;
  // A folder above the article (/news/ for /news/2020/0304/c1.html), or its index file.
  const folder = toPath.replace(/(?:index|default)\.(?:s?html?|php|jsp|aspx?)$/i, "");
  return to.host === from.host && folder.endsWith("/") && fromPath.startsWith(folder) && fromPath !== folder;
}

/** Why an HTML page is an error page saying the article does not exist, or undefined when it is not one. */
export function notFoundReason(html: string): string | undefined {
  const page = pageParser.parse(html);
  const first = (tag: string): Element | undefined => findElement(page, tag);
  const textOf = (tag: string) => {
    const element = first(tag);
    return element ? toText(element).trim() : "";
  };
  const title = textOf("title");
  if (MISSING_WORDS.test(title)) return `the page's title says it does not exist: "${title}"`;
  const h1 = textOf("h1");
  if (MISSING_WORDS.test(h1)) return `the page's headline says it does not exist: "${h1}"`;
  const body = first("body");
  const visible = body ? toText(withoutCode(body)).replace(/\s+/g, " ").trim() : "";
  const said = MISSING_WORDS.exec(visible);
  if (said && [...visible].length < ERROR_PAGE_CHARS) return `the page says it does not exist: "${said[0]}"`;
  return undefined;
}

/** Decodes an HTML page by the charset its header or its meta tag declares (GBK pages are common), else UTF-8. */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared =
    /charset\s*=\s*["']?\s*([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding the decoder does not know: read as UTF-8, as browsers fall back.
    }
  }
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** Classifies a response with status 2xx-5xx (3xx other than 304 are followed before this). */
export function classifyResponse(
  archived: ArchivedText,
  response: PageResponse,
  previous: CheckRecord | undefined,
): Classification {
  const { status } = response;
  if (status === 304 && previous) {
    const outcome = previous.outcome === "changed" ? "changed" : "unchanged";
    return { outcome, sha256: previous.sha256, reason: "not modified since the last check (304)" };
  }
  if (GONE.has(status)) return { outcome: "removed", sha256: null, reason: `status ${status}` };
  if (REFUSED.has(status)) return { outcome: "blocked", sha256: null, reason: `status ${status}` };
  if (status >= 400) return { outcome: "unreachable", sha256: null, reason: `status ${status}` };
  if (isRedirectToIndex(archived.url, response.finalUrl)) {
    return { outcome: "removed", sha256: null, reason: `redirected to ${response.finalUrl}` };
  }
  if (!/html|xml/i.test(response.contentType) && !looksLikeHtml(response.body)) {
    // A PDF or another document: it stands; its text is not extracted, its bytes are compared.
    const hash = sha256(response.body);
    const kind = response.contentType.split(";")[0]?.trim() || "a document that is not a web page";
    const moved = previous?.sha256 !== undefined && previous.sha256 !== null && previous.sha256 !== hash;
    return {
      outcome: moved ? "changed" : "unchanged",
      sha256: hash,
      reason: `${kind}: its text is not compared, only its bytes with the last check's`,
    };
  }
  const html = decodePage(response.body, response.contentType);
  const missing = notFoundReason(html);
  if (missing) return { outcome: "removed", sha256: null, reason: missing };
  let body: string;
  try {
    body = readHtmlPage(html).body;
  } catch (error) {
    if (error instanceof ImportError) {
      return { outcome: "removed", sha256: null, reason: "the page holds no article text any more" };
    }
    throw error;
  }
  const hash = contentHash(body);
  if (comparableText(body) === comparableText(archived.body)) return { outcome: "unchanged", sha256: hash };
  return { outcome: "changed", sha256: hash, reason: "the text differs from the archived text", text: body };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder("latin1").decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return start.startsWith("<!doctype html") || start.startsWith("<html");
}

function findElement(node: Root | Element, tag: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tag) return child;
    const found = findElement(child, tag);
    if (found) return found;
  }
  return undefined;
}

/** An element without its scripts and styles, whose text is no reader's. */
function withoutCode(element: Element): Element {
  return {
    ...element,
    children: element.children
      .filter(
        (child) => child.type !== "element" || !["script", "style", "noscript", "template"].includes(child.tagName),
      )
      .map((child) => (child.type === "element" ? withoutCode(child) : child)),
  };
}
