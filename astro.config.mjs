// @ts-check
import { defineConfig } from "astro/config";
import { archiveDir, loadSiteConfig } from "./src/lib/site/config.ts";
import { unwatchedGlobs } from "./src/lib/site/unwatched.ts";
import downloads from "./src/integrations/downloads.ts";
import search from "./src/integrations/search.ts";
import sitemap from "./src/integrations/sitemap.ts";
import publish from "./src/integrations/publish.ts";
import devWarmup from "./src/integrations/dev-warmup.ts";
import { stagedOutput } from "./src/integrations/output.ts";
import { basePath } from "./src/lib/site/base.ts";

const site = loadSiteConfig();
const output = stagedOutput();

export default defineConfig({
  site: site.url,
  // The path of `url` is where the site lives on its host ("/" or "/policy-archive/").
  base: basePath(site.url),
  // The same base for src/lib/site/base.ts, in pages and browser scripts.
  vite: {
    define: { __ARCHIVE_BASE__: JSON.stringify(basePath(site.url)) },
    // Never inline a script into the page: a policy sent as a server header cannot carry
    // each page's script hashes, so every script must be a file the policy allows as 'self'.
    // The staging folder starts empty (src/lib/build/staging.ts) but for the pages linked into
    // it from the published site (src/lib/build/kept-pages.ts), which Astro must not remove.
    build: { assetsInlineLimit: 0, emptyOutDir: false },
    // The dev server watches sources and the archive, never what builds write.
    server: {
      // Compile the article page's modules while the server starts, not on the first request.
      warmup: { ssrFiles: ["./src/pages/**/articles/*.astro"] },
      watch: { ignored: unwatchedGlobs(archiveDir(), process.env.ASTRO_CACHE_DIR) },
    },
  },
  // Test and benchmark builds of other archives keep their own cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: "always",
  // Inline the small stylesheet: one request fewer on slow mobile networks. Four pages are
  // rendered at once: each page waits on the disk for its two writes (the site folder and
  // the incremental-build cache), and rendering the next meanwhile made page generation
  // about a quarter faster (docs/performance.md), with the same files.
  build: { format: "directory", inlineStylesheets: "always", concurrency: 4 },
  devToolbar: { enabled: false },
  // Articles are rendered by our own unified pipeline (src/lib/markdown), not Astro's.
  markdown: { syntaxHighlight: false },
  // Every page carries a Content Security Policy allowing only the site's own files:
  // articles are untrusted text, and readers' browsers should never call a third party.
  // WebAssembly is allowed for the search engine (Pagefind) only through 'self' scripts.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Article pages carry a cache key (src/data/page-keys.ts): a rebuild renders only the
  // pages whose data or code changed and copies the others from the cache folder.
  experimental: { incrementalBuild: true },
  // Every build writes into a staging folder (output.stage, first) that replaces the published
  // folder only once every step has finished (output.publish, last); precompression runs
  // after the others: it compresses what they wrote.
  // devWarmup acts in the dev server only.
  integrations: [output.stage, downloads(output), search(), sitemap(), publish(site), output.publish, devWarmup()],
});
