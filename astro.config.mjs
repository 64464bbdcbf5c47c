// @ts-check
import { defineConfig } from "astro/config";
import { loadSiteConfig } from "./src/lib/site/config.ts";

const site = loadSiteConfig();

export default defineConfig({
  site: site.url,
  // Test and benchmark builds of other archives keep their own cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: "always",
  // Inline the small stylesheet: one request fewer on slow mobile networks.
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
});
