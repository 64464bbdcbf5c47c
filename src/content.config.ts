import { defineCollection } from "astro:content";
import { z } from "zod";
import { formatProblems, loadArchive } from "./lib/article/load.ts";
import { articleSchema } from "./lib/article/schema.ts";
import { archiveDir } from "./lib/site/config.ts";

/**
 * The archive's articles. The loader runs the same checks as `npm run check` and
 * stops the build with every problem listed, so nothing is skipped silently.
 */
const articles = defineCollection({
  loader: {
    name: "archive-articles",
    load: async ({ store, logger }) => {
      const { articles: loaded, problems } = await loadArchive(archiveDir());
      if (problems.length > 0) {
        const error = new Error(
          `${problems.length} problem(s) in the archive; run \`npm run check\` for the full report.\n${formatProblems(problems)}`,
        );
        // The message says all a maintainer needs; a stack trace would only bury it, and
        // Astro prints its "Stack trace:" heading whenever the stack is not empty.
        error.stack = "";
        throw error;
      }
      store.clear();
      for (const { meta, body, file, attachments } of loaded) {
        store.set({ id: meta.id, data: { ...meta, file, attachments }, body });
      }
      logger.info(`${loaded.length} articles loaded`);
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
