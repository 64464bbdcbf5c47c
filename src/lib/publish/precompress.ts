import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { glob } from "tinyglobby";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Text files worth compressing: pages, styles, scripts, feeds, sitemaps and data.
 * Pagefind's index and fragments are compressed already and are left alone.
 */
export const PRECOMPRESSED_FILES = "**/*.{html,css,js,mjs,json,xml,svg,txt,csv,jsonl,md,bib,ris}";

/** Files smaller than this gain too little to be worth two more files. */
export const MIN_BYTES = 1024;

/**
 * Brotli's quality. On article pages, 7 gave files 9% larger than the highest quality (11)
 * in a fortieth of the time; 11 took longer than the whole build (docs/performance.md).
 */
export const BROTLI_QUALITY = 7;

/** Files compressed at the same time: zlib works on libuv's four threads. */
const CONCURRENCY = 8;

/** What precompressing a site did. */
export interface PrecompressReport {
  /** Files given .gz and .br copies. */
  files: number;
  /** Their size, and the size of their .gz and .br copies, in bytes. */
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  seconds: number;
}

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` (Brotli, BROTLI_QUALITY) beside every
 * text file of a built site from MIN_BYTES up, for servers that send them as they are
 * (nginx gzip_static and brotli_static, Caddy's precompressed). The output depends on the
 * input only, so builds stay byte-identical.
 */
export async function precompressSite(siteDir: string): Promise<PrecompressReport> {
  const started = performance.now();
  const names = (await glob(PRECOMPRESSED_FILES, { cwd: siteDir })).sort();
  const report: PrecompressReport = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, seconds: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const file = path.join(siteDir, names[next++] ?? "");
      const content = await readFile(file);
      if (content.length < MIN_BYTES) continue;
      const [gzipped, brotli] = await Promise.all([
        gzipAsync(content, { level: 9 }),
        brotliAsync(content, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
      ]);
      await Promise.all([writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)]);
      report.files++;
      report.bytes += content.length;
      report.gzipBytes += gzipped.length;
      report.brotliBytes += brotli.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
