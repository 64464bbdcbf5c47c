import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { DOWNLOAD_LIST, type DownloadRecord } from "../lib/downloads/files.ts";
import { isDownloadPath, serveDownload } from "../lib/downloads/serve.ts";
import type { DownloadsRecord } from "../lib/downloads/write.ts";
import { writeDownloadsInThread } from "../lib/downloads/write-thread.ts";
import { writeAtomic } from "../lib/fs/atomic-write.ts";
import { readBuildRecord } from "../lib/site/build-record.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import type { StagedOutput } from "./output.ts";

/**
 * Writes the archive's downloads (the zip of each month's Markdown files, and with
 * `download_files` each article's Markdown file and BibTeX, RIS and CSL-JSON citations)
 * after the build (`astro:build:done`, before the search index), from the list one route of
 * the build wrote (src/pages/data/downloads.jsonl.ts), and removes the list. Downloads
 * unchanged since the last build are linked from the published site when they are still
 * the files that build wrote (src/lib/downloads/write.ts).
 */
export default function downloadsIntegration(output: StagedOutput): AstroIntegration {
  let base = "/";
  return {
    name: "archive-downloads",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      // The dev server makes a download when it is asked for, from the same list the build
      // writes them from (asked of the dev server itself), so the links on its pages work
      // as they do in the built site.
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const pathname = decodeURIComponent((request.url ?? "").split("?")[0] ?? "");
          const sitePath = pathname.startsWith(base) ? pathname.slice(base.length) : "";
          if (!isDownloadPath(sitePath)) return next();
          const origin = `http://${request.headers.host ?? "localhost"}`;
          fetch(`${origin}${base}${DOWNLOAD_LIST.slice(1)}`)
            .then(async (answer) => {
              if (!answer.ok) throw new Error(`${DOWNLOAD_LIST} answered ${answer.status}`);
              const records = (await answer.text())
                .split("\n")
                .filter((line) => line !== "")
                .map((line) => JSON.parse(line) as DownloadRecord);
              const download = await serveDownload(sitePath, records, {
                articleFiles: loadSiteConfig().download_files,
              });
              if (!download) return next();
              response.writeHead(200, { "content-type": download.type });
              response.end(download.body);
            })
            .catch(next);
        });
      },
      // Runs before the search index, not beside it: zipping takes a core, which slowed the
      // indexing of every shard it overlapped (docs/performance.md).
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const recordFile = path.join(output.cacheDir, "downloads.json");
        const previous = (await readBuildRecord<DownloadsRecord>(recordFile)) ?? {};
        const choice = { articleFiles: loadSiteConfig().download_files };
        const { articles, files, kept, record } = await writeDownloadsInThread({
          siteDir: fileURLToPath(dir),
          published: output.published,
          previous,
          choice,
        });
        await writeAtomic(recordFile, JSON.stringify(record));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${files - kept} download files of ${articles} articles written in ${seconds} s ` +
            `(${kept} kept from the published site)`,
        );
      },
    },
  };
}
