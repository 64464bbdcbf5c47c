import { defineCollection } from "astro:content";
import { z } from "zod";
import { articleSchema } from "./lib/article/schema.ts";
import { ENTITY_KINDS } from "./lib/entities/index.ts";
import { articlesLoader } from "./loaders/articles.ts";

/** The archive's articles, loaded by src/loaders/articles.ts. */
const articles = defineCollection({
  loader: articlesLoader,
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
    /** The content hash of the archived text, shown as provenance (src/lib/sources/text.ts). */
    contentHash: z.string(),
    /** A hash of the whole Markdown file, for the pages' cache keys (the original page carries the file). */
    sourceHash: z.string(),
    /** Which of persons, places and organizations were found in the text (the front matter lists none). */
    found: z.array(z.enum(ENTITY_KINDS)).optional(),
  }),
});

export const collections = { articles };
