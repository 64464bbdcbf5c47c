import { EMBEDDED_SOURCE_ID } from "../lib/downloads/embedded.ts";

/**
 * Saves an article's Markdown file from the page in its original script, which carries it
 * (src/lib/downloads/embedded.ts), instead of following the link to the month's zip: the
 * link's own address is what a reader without JavaScript gets, and what this falls back
 * to when the file cannot be had.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-source-from][data-source-save]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const from = link.dataset.sourceFrom ?? "";
    carried(from === "" ? document : undefined, from)
      .then((text) => save(text, link.dataset.sourceSave ?? "article.md"))
      .catch(() => window.location.assign(link.href));
  });
}

/** The Markdown file carried by this page, or by the page at `from` (fetched). */
async function carried(page: Document | undefined, from: string): Promise<string> {
  let source = page;
  if (source === undefined) {
    const answer = await fetch(from);
    if (!answer.ok) throw new Error(`${from} answered ${answer.status}`);
    source = new DOMParser().parseFromString(await answer.text(), "text/html");
  }
  const element = source.getElementById(EMBEDDED_SOURCE_ID);
  if (element?.textContent == null) throw new Error(`${from || "this page"} carries no Markdown file`);
  return JSON.parse(element.textContent) as string;
}

function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  // In the document while clicked: some browsers start no download from a detached link.
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked once the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
