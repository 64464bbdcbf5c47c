import type { Script } from "../lib/article/schema.ts";
import { isoDay } from "../lib/cite/accessed.ts";
import { chicago } from "../lib/cite/chicago.ts";
import { citeAt, clauseLocator, type ClauseLocator } from "../lib/cite/clause.ts";
import { gbt7714 } from "../lib/cite/gbt7714.ts";
import type { CitationItem } from "../lib/cite/item.ts";

/**
 * Points the page's citations to the clause in the address's fragment (#art-12, where
 * a § link leads), and back to the whole document when there is none. Only on pages of
 * documents with clauses, which carry the citation's facts in `data-citation`.
 */
const block = document.querySelector<HTMLElement>("[data-citation]");
const note = block?.querySelector<HTMLElement>("[data-cite-clause]");
const whole = block?.querySelector<HTMLButtonElement>("[data-cite-whole]");
if (block?.dataset["citation"] && note && whole) {
  const item = JSON.parse(block.dataset["citation"]) as CitationItem;
  const script = block.dataset["script"] as Script;
  const gbt = block.querySelector<HTMLElement>("[data-cite-gbt]");
  const chicagoText = block.querySelector<HTMLElement>("[data-cite-chicago]");
  let shown: string | undefined;

  const show = (clause: ClauseLocator | undefined) => {
    note.textContent = clause ? `${note.dataset["shown"]}${clause.label}。` : (note.dataset["pick"] ?? "");
    whole.hidden = clause === undefined;
    if (clause?.anchor === shown) return;
    shown = clause?.anchor;
    const cited = clause ? citeAt(item, clause) : item;
    if (gbt) gbt.textContent = gbt7714({ ...cited, accessed: isoDay(new Date()) });
    if (chicagoText) chicagoText.textContent = chicago(cited);
  };
  const fromAddress = () => {
    const anchor = location.hash.slice(1);
    // Only a place that is on this page: the fragment may name anything.
    show(document.getElementById(anchor)?.closest(".article-body") ? clauseLocator(anchor, script) : undefined);
  };

  whole.addEventListener("click", () => {
    history.replaceState(null, "", location.pathname + location.search);
    show(undefined);
  });
  addEventListener("hashchange", fromAddress);
  fromAddress();
}
