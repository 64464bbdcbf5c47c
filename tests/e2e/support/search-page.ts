import type { Page } from "playwright-core";

/**
 * Waits until the search page's status gives the outcome, not progress, every result it
 * announces is listed, and they are ranked over every shard.
 */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector("[data-search-status]")?.textContent ?? "";
    const list = document.querySelector("[data-search-results]");
    return (
      status !== "" &&
      !status.includes("……") &&
      !list?.hasAttribute("aria-busy") &&
      !list?.hasAttribute("data-provisional")
    );
  });
}

/** The paths of the results listed, in order, without the highlight parameters. */
export async function resultPaths(page: Page): Promise<string[]> {
  return page
    .locator(".search-result-title")
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}
