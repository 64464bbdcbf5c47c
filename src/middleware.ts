import { defineMiddleware } from "astro:middleware";
import { releaseKeptPage } from "./lib/build/kept-registry.ts";

/**
 * A page a build renders again gets a file of its own, not the one linked from the published
 * site (src/lib/build/kept-pages.ts); nothing else happens here.
 */
export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered) releaseKeptPage(context.url.pathname, import.meta.env.BASE_URL);
  return next();
});
