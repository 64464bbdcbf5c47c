import { parseDocument } from "yaml";

/** The two parts of an article file. */
export interface SplitArticle {
  data: unknown;
  body: string;
  /** The file's line number of the body's first line. */
  bodyLine: number;
}

/** A problem found while reading a file, before its fields are checked. */
export class ArticleFormatError extends Error {
  constructor(
    message: string,
    /** 1-based line in the file, where known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = "ArticleFormatError";
  }
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits a Markdown file into its YAML front matter and its body, and parses the YAML.
 * Throws ArticleFormatError with a line number for a missing fence or malformed YAML.
 */
export function splitFrontMatter(source: string): SplitArticle {
  const { yamlText, body, bodyLine } = splitAtFences(source);
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const line = first.linePos?.[0]?.line;
    const reason = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new ArticleFormatError(
      `malformed YAML in the front matter: ${reason}`,
      line === undefined ? undefined : line + 1,
    );
  }
  return { data: doc.toJS() as unknown, body, bodyLine };
}

/** The body of an article file, as splitFrontMatter gives it, without parsing the front matter. */
export function articleBody(source: string): string {
  return splitAtFences(source).body;
}

function splitAtFences(source: string): { yamlText: string; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (!FENCE.test(lines[0] ?? "")) {
    throw new ArticleFormatError("the file must start with a line of three hyphens (---) opening the front matter", 1);
  }
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end < 0) {
    throw new ArticleFormatError(
      "the front matter is never closed: the file ends inside it, as a file cut off while it was written " +
        "(truncated) does; restore it from git, or add the missing line of three hyphens (---) after it",
      1,
    );
  }
  return { yamlText: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
