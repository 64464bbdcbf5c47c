import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; Playwright cannot download browsers on these machines. */
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

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
