import { imageSize } from "image-size";

/** A file published with an article: an attachment (附件) or an image shown in its text. */
export interface Attachment {
  /** The file's name in the article's folder, as the Markdown links to it. */
  name: string;
  /** Where the file is read from at build time. */
  source: string;
  bytes: number;
  /** A short type label for readers, such as PDF or Word. */
  type: string;
  /** Pixel size, for images. */
  width?: number | undefined;
  height?: number | undefined;
}

/** Largest attachment accepted: a scanned notice fits; video belongs elsewhere. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Names that stay the same in every URL, file system and script: letters, digits, . _ - */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const TYPES: Record<string, string> = {
  pdf: "PDF",
  ofd: "OFD",
  doc: "Word",
  docx: "Word",
  wps: "WPS",
  xls: "Excel",
  xlsx: "Excel",
  et: "WPS",
  ppt: "PowerPoint",
  pptx: "PowerPoint",
  txt: "TXT",
  csv: "CSV",
  zip: "ZIP",
  rar: "RAR",
  "7z": "7Z",
  jpg: "JPEG",
  jpeg: "JPEG",
  png: "PNG",
  gif: "GIF",
  webp: "WebP",
  svg: "SVG",
  mp3: "MP3",
  mp4: "MP4",
};

const IMAGES = new Set(["jpg", "jpeg", "png", "gif", "webp", "svg"]);

// Files a browser would run or render as a page from the archive's own address.
const UNSAFE = new Set([
  ..."html htm xhtml shtml xht mht mhtml js mjs cjs hta".split(" "),
  ..."exe com bat cmd sh ps1 vbs msi dll scr jar app apk dmg deb rpm php asp aspx jsp".split(" "),
]);

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/** Whether a file is an image a page can show. */
export function isImage(name: string): boolean {
  return IMAGES.has(extensionOf(name));
}

/**
 * What is wrong with a file offered as an attachment, phrased for a maintainer; undefined
 * when it can be published. Pages and scripts are refused: served from the archive's own
 * address they could act in its name. So is SVG carrying script or event handlers.
 */
export function attachmentProblem(name: string, bytes: Uint8Array): string | undefined {
  const extension = extensionOf(name);
  if (UNSAFE.has(extension)) {
    return `a .${extension} file cannot be published with an article (a page or program could run from the archive's address): convert it to PDF or leave it out`;
  }
  if (
    extension === "svg" &&
    /<script|\bon[a-z]+\s*=|javascript:|<foreignObject/i.test(new TextDecoder().decode(bytes))
  ) {
    return "the SVG image carries script or event handlers: save it without them, or as PNG";
  }
  if (!SAFE_NAME.test(name)) {
    return `rename the file with letters, digits, ".", "_" and "-" only (such as fujian-1.pdf): its name is part of its address`;
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    return `the file is ${size} MB, over the ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB limit for an attachment`;
  }
  return undefined;
}

/** An attachment's facts: its type label, and for an image its pixel size. */
export function describeAttachment(name: string, source: string, bytes: Uint8Array): Attachment {
  const extension = extensionOf(name);
  const attachment: Attachment = {
    name,
    source,
    bytes: bytes.length,
    type: TYPES[extension] ?? extension.toUpperCase(),
  };
  if (isImage(name)) {
    try {
      const { width, height } = imageSize(bytes);
      if (width && height) Object.assign(attachment, { width, height });
    } catch {
      // A damaged image is still published; it only goes without a size.
    }
  }
  return attachment;
}

// Markdown links and images, [text](target) and ![alt](target), and HTML src/href attributes.
const MARKDOWN_TARGET = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)/g;
const HTML_TARGET = /\b(?:src|href)\s*=\s*["']([^"']+)["']/gi;

/**
 * The files a body links to relatively (附件1.pdf, ./fig.png): targets with no scheme
 * that are not site paths (/...) or in-page anchors (#...). Query and fragment dropped.
 */
export function relativeTargets(body: string): string[] {
  const targets = new Set<string>();
  for (const pattern of [MARKDOWN_TARGET, HTML_TARGET]) {
    for (const match of body.matchAll(pattern)) {
      const target = relativeFile(match[1] ?? "");
      if (target) targets.add(target);
    }
  }
  return [...targets];
}

/** The file name a relative link points to, or undefined when the link is not relative. */
export function relativeFile(url: string): string | undefined {
  if (
    url === "" ||
    /^[a-z][a-z0-9+.-]*:/i.test(url) ||
    url.startsWith("/") ||
    url.startsWith("#") ||
    url.startsWith("?")
  ) {
    return undefined;
  }
  const path = url.replace(/[?#].*$/, "").replace(/^\.\//, "");
  try {
    return decodeURIComponent(path) || undefined;
  } catch {
    return path || undefined;
  }
}
