import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM } from "../../tests/e2e/support/browser.ts";
import { serveSite } from "../../tests/e2e/support/server.ts";

/** Lighthouse's four categories, in the order its report shows them. */
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** Lighthouse's two presets: a mid-range phone on Slow 4G (simulated), and a desktop on a cable line. */
const FORM_FACTORS = ["mobile", "desktop"] as const;

/** One page audited with one preset. */
export interface LighthouseRow {
  page: string;
  formFactor: (typeof FORM_FACTORS)[number];
  /** Scores from 0 to 100, by category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  cls: number;
  /** Ids of the audits counting towards a score that scored below 0.9. */
  failed: string[];
}

/** The home, an article, a search with results and the browse page, in both scripts. */
function pages(articleId: string): string[] {
  return ["zh-hans", "zh-hant"].flatMap((script) => [
    `/${script}/`,
    `/${script}/articles/${articleId}/`,
    `/${script}/search/?q=${encodeURIComponent(script === "zh-hans" ? "经济" : "經濟")}`,
    `/${script}/browse/`,
  ]);
}

/**
 * Runs Lighthouse (its Node API, in Debian's Chromium, offline) on the home, article, search
 * and browse pages of a built site in both scripts, with the mobile and the desktop preset.
 */
export async function measureLighthouse(
  siteDir: string,
  articleId: string,
  progress: (message: string) => void,
): Promise<LighthouseRow[]> {
  const server = await serveSite(siteDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages(articleId)) {
      for (const formFactor of FORM_FACTORS) {
        progress(`lighthouse ${formFactor} ${decodeURIComponent(page)}`);
        const result = await lighthouse(
          `${server.url}${page}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
          formFactor === "desktop" ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse gave no result for ${page}`);
        const { categories, audits } = result.lhr;
        const scores = Object.fromEntries(
          CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
        ) as LighthouseRow["scores"];
        // Only audits that count towards a score: Lighthouse's insights and advice weigh nothing.
        const weighed = new Set(
          CATEGORIES.flatMap((id) => categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .map((ref) => ref.id),
        );
        const failed = [...weighed].filter((id) => {
          const score = audits[id]?.score;
          return typeof score === "number" && score < 0.9;
        });
        rows.push({
          page: decodeURIComponent(page),
          formFactor,
          scores,
          cls: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
          failed,
        });
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return rows;
}

/** The report's lines: one per page and preset, the four scores and CLS, and what failed. */
export function formatLighthouse(rows: readonly LighthouseRow[]): string[] {
  const lines = ["lighthouse (perf / a11y / best practices / SEO, CLS; mobile: simulated Slow 4G and 4x CPU slowdown)"];
  for (const row of rows) {
    const scores = CATEGORIES.map((id) => String(row.scores[id]).padStart(3)).join(" /");
    const failed = row.failed.length > 0 ? `  below 90: ${row.failed.join(", ")}` : "";
    lines.push(`  ${row.formFactor.padEnd(7)} ${row.page.padEnd(32)} ${scores}  CLS ${row.cls.toFixed(3)}${failed}`);
  }
  return lines;
}
