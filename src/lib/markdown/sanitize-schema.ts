import { defaultSchema, type Schema } from "hast-util-sanitize";
import { KEEP_SANITIZE_ATTRIBUTES } from "../script/tree.ts";

/**
 * GitHub's allow-list, which already drops scripts, event handlers, frames, styles
 * and `javascript:` URLs, plus what articles need: `translate="no"` on span and div
 * marks text protected from script conversion.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.["span"] ?? []), ...KEEP_SANITIZE_ATTRIBUTES.span],
    div: [...(defaultSchema.attributes?.["div"] ?? []), ...KEEP_SANITIZE_ATTRIBUTES.div],
  },
};
