import { readUnitLabel, isArticleAnchor, isUnitAnchor } from "../structure/labels.ts";
import { chineseNumeral } from "../structure/numerals.ts";

/** An element with an id on an indexed page, as Pagefind records it (its word position and text). */
export interface PageAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** Where a search hit inside a long document should lead: a clause or division anchor and its label. */
export interface Landing {
  id: string;
  /** The unit's label as the page writes it, such as 第十二条 or 第二章. */
  label: string;
}

const HEADING = /^h[1-6]$/i;
const DIVISION_WORDS: Record<string, [string, string]> = {
  pt: ["编", "編"],
  sub: ["分编", "分編"],
  ch: ["章", "章"],
  sec: ["节", "節"],
};

/** A word of the page that matched, with Pagefind's score for it (rarer words score higher). */
export interface PageHit {
  location: number;
  balanced_score: number;
}

/**
 * The clause, or failing that the chapter or section, whose hits score highest, as Pagefind
 * chooses an excerpt: where the rare words searched for are, not where a word common to the
 * whole document (a law's own name) appears. Among equals the earliest wins. Undefined when
 * the best place is before any unit (a headline, a preamble) or the page has no numbered units.
 */
export function landingFor(
  anchors: readonly PageAnchor[],
  hits: readonly PageHit[],
  traditional: boolean,
): Landing | undefined {
  const units = anchors
    .filter((anchor) => isArticleAnchor(anchor.id) || (HEADING.test(anchor.element) && isUnitAnchor(anchor.id)))
    .sort((a, b) => a.location - b.location);
  const scores = new Map<PageAnchor | undefined, number>();
  for (const hit of [...hits].sort((a, b) => a.location - b.location)) {
    const unit = units.findLast((anchor) => anchor.location <= hit.location);
    scores.set(unit, (scores.get(unit) ?? 0) + hit.balanced_score);
  }
  // Map order is the order of first hits, so among equals the earliest wins.
  let best: PageAnchor | undefined;
  let highest = 0;
  for (const [unit, score] of scores) {
    if (score > highest) [best, highest] = [unit, score];
  }
  if (!best) return undefined;
  const label = labelFromText(best) ?? labelFromId(best.id, traditional);
  return label ? { id: best.id, label } : undefined;
}

function labelFromText(anchor: PageAnchor): string | undefined {
  return anchor.text ? readUnitLabel(anchor.text, HEADING.test(anchor.element))?.text : undefined;
}

/** art-12 is 第十二条, art-12-1 第十二条之一, ch-2-sec-1 第一节 (the innermost division). */
function labelFromId(id: string, traditional: boolean): string | undefined {
  const article = /^art-(\d+)(?:-(\d+))?$/.exec(id);
  if (article) {
    const inserted = article[2] ? `之${chineseNumeral(Number(article[2]))}` : "";
    return `第${chineseNumeral(Number(article[1]))}${traditional ? "條" : "条"}${inserted}`;
  }
  const division = /(pt|sub|ch|sec)-(\d+)$/.exec(id);
  const words = division ? DIVISION_WORDS[division[1] ?? ""] : undefined;
  if (!division || !words) return undefined;
  return `第${chineseNumeral(Number(division[2]))}${traditional ? words[1] : words[0]}`;
}
