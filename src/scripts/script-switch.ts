import { SCRIPT_STORAGE_KEY } from "./script-switch-key.ts";

/**
 * Progressive enhancement of the script switch: remember the reader's choice for the
 * root page, and on articles carry the paragraph being read over to the other script.
 */

/** The first paragraph not hidden above the window or under the sticky header. */
function firstVisibleParagraph(): string | undefined {
  const top = Math.max(0, document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0);
  const paragraphs = document.querySelectorAll<HTMLElement>(".article-body > p[id]");
  for (const paragraph of paragraphs) {
    if (paragraph.getBoundingClientRect().bottom > top) return paragraph.id;
  }
  return undefined;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-script-choice]")) {
  link.addEventListener("click", () => {
    try {
      localStorage.setItem(SCRIPT_STORAGE_KEY, link.dataset["scriptChoice"] ?? "");
    } catch {
      // Storage can be disabled; the switch still works as a plain link.
    }
    const paragraph = window.scrollY > 0 ? firstVisibleParagraph() : undefined;
    if (paragraph) link.hash = paragraph;
  });
}
