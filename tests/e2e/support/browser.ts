import { chromium, type Browser } from "playwright-core";

import { CHROMIUM } from "../../setup/requirements.ts";

/** Debian's Chromium; Playwright cannot download browsers on these machines. */
export { CHROMIUM };

/**
 * Launches headless Chromium with no background network traffic. Playwright gives
 * every launch a fresh temporary profile, so no state leaks between tests.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
