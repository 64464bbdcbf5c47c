import { defaultSchema, type Schema } from "hast-util-sanitize";

/**
 * GitHub's allow-list, which already drops scripts, event handlers, frames, styles
 * and `javascript:` URLs, plus what articles need: `span.keep` marks text protected
 * from script conversion.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.["span"] ?? []), ["className", "keep"]],
  },
};
