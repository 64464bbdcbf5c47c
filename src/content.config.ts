import { readFileSync } from "node:fs";
import { defineCollection } from "astro:content";
import { z } from "zod";
import { formatProblems, loadArchive, type ReadArticle } from "./lib/article/load.ts";
import { readBeforeFrom, readerVersion, readRecord, type ReadRecord } from "./lib/article/read-record.ts";
import { articleSchema } from "./lib/article/schema.ts";
import { archiveDir } from "./lib/site/config.ts";

/** The meta-store key of the last build's ReadRecord. */
const READ_RECORD = "read-record";

/**
 * The code that reads and checks an article file, and the locked versions of the libraries
 * it uses: articles kept from the last build are reused only when all of these are unchanged.
 */
function currentReader(root: URL): string {
  const sources = import.meta.glob<string>(["./lib/article/*.ts", "./lib/build/file-identity.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  });
  let lockfile = "";
  try {
    lockfile = readFileSync(new URL("package-lock.json", root), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return readerVersion({ ...sources, "package-lock.json": lockfile });
}

/**
 * The archive's articles. The loader runs the same checks as `npm run check` and
 * stops the build with every problem listed, so nothing is skipped silently. Files
 * unchanged since the last build (same size, modification time and inode) are not read
 * again: their articles are taken from Astro's content store, kept in its cache folder.
 */
const articles = defineCollection({
  loader: {
    name: "archive-articles",
    load: async ({ store, meta, logger, config }) => {
      const reader = currentReader(config.root);
      const recorded = meta.get(READ_RECORD);
      const stored = (id: string): ReadArticle | undefined => {
        const entry = store.get(id);
        if (!entry?.body) return undefined;
        // The entry's data is the article's front matter with its file and attachments added.
        const data: Record<string, unknown> = { ...entry.data };
        delete data["file"];
        delete data["attachments"];
        return { meta: data as ReadArticle["meta"], body: entry.body };
      };
      const readBefore = readBeforeFrom(
        recorded === undefined ? undefined : (JSON.parse(recorded) as ReadRecord),
        reader,
        stored,
      );
      const { articles: loaded, problems, identities, reused } = await loadArchive(archiveDir(), readBefore);
      if (problems.length > 0) {
        const error = new Error(
          `${problems.length} problem(s) in the archive; run \`npm run check\` for the full report.\n${formatProblems(problems)}`,
        );
        // The message says all a maintainer needs; a stack trace would only bury it, and
        // Astro prints its "Stack trace:" heading whenever the stack is not empty.
        error.stack = "";
        throw error;
      }
      const ids = new Set(loaded.map((article) => article.meta.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const { meta: articleMeta, body, file, attachments } of loaded) {
        // Unchanged entries are left as they are, so the store is written again only for what changed.
        const digest = `${reader} ${file} ${identities.get(file)} ${JSON.stringify(attachments)}`;
        store.set({ id: articleMeta.id, data: { ...articleMeta, file, attachments }, body, digest });
      }
      const record = JSON.stringify(readRecord(reader, loaded, identities));
      if (record !== recorded) meta.set(READ_RECORD, record);
      logger.info(
        `${loaded.length} articles loaded (${loaded.length - reused} read, ${reused} unchanged since the last build)`,
      );
    },
  },
  schema: articleSchema.extend({
    file: z.string(),
    attachments: z.array(
      z.object({
        name: z.string(),
        source: z.string(),
        bytes: z.number(),
        type: z.string(),
        width: z.number().optional(),
        height: z.number().optional(),
      }),
    ),
  }),
});

export const collections = { articles };
