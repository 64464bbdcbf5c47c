import { normalizeLineEnds } from "../cleanup/whitespace.ts";
import { cleanLine } from "../cleanup/text.ts";
import { readUnitLabel } from "../structure/labels.ts";
import { addStats, ImportError, type Draft, type ImportWarning } from "./draft.ts";
import { cleanMarkdown, paragraphsToMarkdown } from "./markdown.ts";
import { mojibakeWarnings } from "./warnings.ts";
import { dropWidget, pageWidgetsOf } from "./widgets.ts";

/**
 * Laws, regulations and other policy documents as the national database of laws and
 * regulations gives them (and as ../shared/corpus/laws holds them): a title line
 * (`# 保障农民工工资支付条例` in Markdown), the history lines (adopted, amended,
 * published, in force from), `<!-- INFO END -->` in Markdown, then the text with its
 * chapters (第一章) and articles (第一条). Plain text has the same shape, one
 * paragraph a line, chapter lines becoming headings.
 */

/** The marker that closes the history lines in the database's Markdown. */
const INFO_END = "<!-- INFO END -->";
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
/** A history line: a date first and, in its words, an act of adoption, amendment, publication or entry into force. */
const HISTORY_LINE =
  /^[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*(?:通过|公布|发布|修正|修订|施行|生效|批准|印发|会议)/;
/** Entry into force: a date that is not the version's own. */
const IN_FORCE = /(?:施行|生效)/;
/** A document number such as 国发〔2024〕5号, 法释〔2020〕17号 or 国务院令第752号. */
const DOCUMENT_NUMBER =
  /[\p{Script=Han}]{1,12}[〔[［(（]\d{4}[〕\]］)）]\s*\d+\s*号|(?:中华人民共和国)?[\p{Script=Han}、]{2,30}令第\s*\d+\s*号/u;
/** Names of the bodies that adopt or publish a document, read from a history line after its date. */
const ISSUER =
  /^(?:由)?(?:第[一二三四五六七八九十]+届)?((?:中华人民共和国)?[\p{Script=Han}]{2,20}?(?:人民代表大会常务委员会|人民代表大会|国务院|中央军事委员会|人民法院|人民检察院|委员会|总局|总署|部|局|署|院|厅|行|会|办公室|办公厅))(?=审判委员会|检察委员会|常务会议|第|令|公告|发布|公布|通过|批准|印发|、|，)/u;
/** The kinds of document a title names by its last words, for document_type. */
const DOCUMENT_TYPES = [
  "修正案",
  "条例",
  "规定",
  "办法",
  "细则",
  "规则",
  "解释",
  "决定",
  "决议",
  "通知",
  "意见",
  "批复",
  "答复",
  "公告",
  "规划",
  "方案",
  "纲要",
  "章程",
];

/** Whether a text looks like a policy document: a title line, then history lines or a document number, and numbered units. */
export function looksLikePolicyDocument(text: string): boolean {
  const lines = normalizeLineEnds(text)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  // A widget line copied above the title (【字体：大 中 小】) would hide it.
  while (lines[0] !== undefined && pageWidgetsOf(cleanLine(lines[0]).text).length > 0) lines.shift();
  if (lines.length < 2) return false;
  const head = lines.slice(1, 8);
  const dated = head.some((line) => line === INFO_END || HISTORY_LINE.test(line) || isNumberLine(line));
  const units = lines.slice(1).some((line) => {
    const label = readUnitLabel(line.replace(/^#+\s*/, ""), true);
    return label !== undefined && label.kind !== "item";
  });
  return dated && units;
}

function isNumberLine(line: string): boolean {
  const match = DOCUMENT_NUMBER.exec(line);
  return match !== null && match[0].length >= line.replace(/[\s（()）]/g, "").length - 2;
}

/**
 * Reads a policy document into a draft. The date is the latest date of the history
 * lines other than an entry into force (which becomes `effective`), or else the date
 * in the file name (`条例(2020-04-10).md`); the history lines open the body, as the
 * published text prints them under the title. Markdown keeps its headings; in plain
 * text a line that is a 编, 章 or 节 label with its name becomes a heading.
 */
export function readPolicyDocument(source: string, fileName: string, markdown: boolean): Draft {
  const warnings: ImportWarning[] = [];
  const stats = { pinyin: 0, punctuation: 0 };
  const lines = normalizeLineEnds(source)
    .replace(/^\uFEFF/, "")
    .split("\n");
  dropEdgeWidgets(lines, warnings);
  let at = 0;
  const skipBlank = () => {
    while (at < lines.length && (lines[at] ?? "").trim() === "") at++;
  };
  skipBlank();
  const fields: Record<string, unknown> = {};
  const firstLine = (lines[at] ?? "").trim();
  const fromName = titleFromFileName(fileName);
  if (firstLine.startsWith("#") || !HISTORY_LINE.test(firstLine)) {
    const title = cleanLine(firstLine.replace(/^#+\s*/, ""));
    addStats(stats, title);
    fields.title = title.text || fromName;
    at++;
  } else {
    // No title line: the file name is the title.
    fields.title = fromName;
  }
  if (!fields.title) throw new ImportError("no title: the document has no title line and its file name gives none");

  // The history: up to the marker in the database's Markdown, else the run of history and number lines.
  const history: string[] = [];
  const marker = lines.findIndex((line, i) => i >= at && line.trim() === INFO_END);
  if (marker >= 0) {
    for (const line of lines.slice(at, marker)) if (line.trim() !== "") history.push(line.trim());
    at = marker + 1;
  } else {
    for (skipBlank(); at < lines.length; skipBlank()) {
      const line = (lines[at] ?? "").trim();
      if (!HISTORY_LINE.test(line) && !isNumberLine(line)) break;
      history.push(line);
      at++;
    }
  }
  const cleanedHistory = history.map((line) => {
    const cleaned = cleanLine(line);
    addStats(stats, cleaned);
    return cleaned.text;
  });
  Object.assign(fields, historyFields(cleanedHistory));
  if (fields.date === undefined) {
    const day = /\((\d{4}-\d{2}-\d{2})\)\.[a-z]+$/i.exec(fileName)?.[1];
    if (day) fields.date = day;
  }
  const type = documentType(String(fields.title));
  if (type) fields.document_type = type;

  const rest = lines.slice(at).join("\n");
  let body: string;
  if (markdown) {
    const cleaned = cleanMarkdown(rest.replaceAll(INFO_END, ""));
    addStats(stats, cleaned.stats);
    warnings.push(...cleaned.warnings);
    body = cleaned.markdown.trim();
  } else {
    body = plainTextBody(rest, at, stats, warnings);
  }
  const opening = cleanedHistory.length > 0 ? `${paragraphsToMarkdown(cleanedHistory).trim()}\n\n` : "";
  return {
    fields,
    body: body === "" ? opening : `${opening}${body}\n`,
    warnings,
    stats,
    missingDate:
      "no date found: the document has no history line with a date (such as 2020年1月1日 国务院第N次常务会议通过) under its title, and its file name no date (条例(2020-04-10).md); add one, or give it for the run with --set date=2020-04-10",
  };
}

/**
 * Blanks the page widgets a copy took along above the title and below the last
 * article (打印本页, 关闭窗口), reporting each; blanking keeps the line numbers.
 */
function dropEdgeWidgets(lines: string[], warnings: ImportWarning[]): void {
  const drop = (index: number) => {
    const text = (lines[index] ?? "").trim();
    if (text === "") return true;
    if (!dropWidget({ number: index + 1, text: cleanLine(text).text }, warnings)) return false;
    lines[index] = "";
    return true;
  };
  let last = lines.length - 1;
  for (let first = 0; first <= last && drop(first); first++);
  while (last >= 0 && drop(last)) last--;
}

/** The plain text body as Markdown: one paragraph a line, division labels (第一章 总则) as headings. */
function plainTextBody(
  text: string,
  firstLine: number,
  stats: { pinyin: number; punctuation: number },
  warnings: ImportWarning[],
): string {
  const blocks: string[] = [];
  const paragraphs: string[] = [];
  const flush = () => {
    if (paragraphs.length > 0) blocks.push(paragraphsToMarkdown(paragraphs).trim());
    paragraphs.length = 0;
  };
  text.split("\n").forEach((raw, index) => {
    const cleaned = cleanLine(raw);
    addStats(stats, cleaned);
    warnings.push(...mojibakeWarnings(cleaned.mojibake, () => firstLine + index + 1));
    const line = cleaned.text;
    if (line === "") return;
    const label = readUnitLabel(line, true);
    const division = label && label.kind !== "article" && label.kind !== "item" && line.length <= 40;
    if (division) {
      flush();
      const level = label.kind === "section" ? "###" : "##";
      blocks.push(`${level} ${paragraphsToMarkdown([line]).trim()}`);
    } else paragraphs.push(line);
  });
  flush();
  return blocks.join("\n\n");
}

/** The fields the history lines give: date, effective, document number and issuers. */
export function historyFields(history: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  let latest: string | undefined;
  let effective: string | undefined;
  const issuers: string[] = [];
  for (const line of history) {
    // One line may name two acts: 最高人民法院审判委员会第N次会议、2020年1月2日最高人民检察院……通过.
    const parts = line.split(/、(?=\d{4}\s*年)/);
    for (const part of parts) {
      const days = [...part.matchAll(DATE)].map(([, y, m, d]) => `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`);
      const day = days[0];
      if (!day) continue;
      if (IN_FORCE.test(part) && !/通过|公布|发布|修正|修订/.test(part)) {
        if (!effective || day > effective) effective = day;
        continue;
      }
      if (!latest || day >= latest) latest = day;
      const after = part.replace(DATE, "").trim();
      const issuer = ISSUER.exec(after)?.[1];
      if (issuer) {
        for (const name of issuer.split("、")) {
          // The session's term is no part of the body's name: 北京市第十五届人民代表大会常务委员会.
          const short = name
            .replace(/^中华人民共和国(?=国务院|中央军事委员会|国家)/, "")
            .replace(/第[一二三四五六七八九十]+届/g, "");
          if (!issuers.includes(short)) issuers.push(short);
        }
      }
    }
    const number = DOCUMENT_NUMBER.exec(line)?.[0];
    if (number) fields.document_number = number;
  }
  if (history.some((line) => /(?:发布|公布)之日起?施行/.test(line)) && latest) effective ??= latest;
  if (latest) fields.date = latest;
  if (effective) fields.effective = effective;
  if (issuers.length > 0) fields.issuers = issuers;
  return fields;
}

/** The kind of document a title names: 条例, 规定, 通知…, and 法律 for a title ending in 法. */
export function documentType(title: string): string | undefined {
  const bare = title.replace(/[（(][^（()）]*[）)]$/, "").trim();
  const type = DOCUMENT_TYPES.find((word) => bare.endsWith(word));
  if (type) return type;
  return bare.endsWith("法") ? "法律" : undefined;
}

/** A file's name as a title: without its extension and the version date in parentheses. */
function titleFromFileName(fileName: string): string {
  return (fileName.split(/[\\/]/).at(-1) ?? "")
    .replace(/\.[a-z]+$/i, "")
    .replace(/\(\d{4}-\d{2}-\d{2}\)$/, "")
    .trim();
}
