import type { AstroIntegration } from "astro";

/**
 * In the dev server, asks for the home page in both scripts as soon as the server
 * listens, in the background: the first request compiles the page modules, builds the
 * browse index and prepares each script's conversion, seconds that would otherwise fall on
 * the maintainer's first page. A failure is ignored: the page then reports it itself.
 */
export default function devWarmup(): AstroIntegration {
  let base = "/";
  return {
    name: "archive-dev-warmup",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:start": ({ address }) => {
        const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
        const origin = `http://${host === "::" || host === "[::]" ? "localhost" : host}:${address.port}`;
        void (async () => {
          for (const page of ["zh-hans/", "zh-hant/"]) {
            await fetch(`${origin}${base}${page}`)
              .then((answer) => answer.arrayBuffer())
              .catch(() => undefined);
          }
        })();
      },
    },
  };
}
