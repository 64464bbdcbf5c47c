import type { AstroIntegration } from "astro";

/**
 * In the dev server, asks for the home page in both scripts as soon as the server
 * listens, in the background, and then for the first article the home page links to: the
 * first requests compile the page modules, build the browse index and prepare each
 * script's conversion and the article pages' shared data, seconds that would otherwise
 * fall on the maintainer's first page. A failure is ignored: the page then reports it itself.
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
        const get = (path: string): Promise<string> =>
          fetch(`${origin}${path}`)
            .then((answer) => answer.text())
            .catch(() => "");
        void (async () => {
          for (const script of ["zh-hans", "zh-hant"]) {
            const home = await get(`${base}${script}/`);
            const article = new RegExp(`href="(${base}${script}/articles/[^"/]+/)"`).exec(home)?.[1];
            if (article) await get(article);
          }
        })();
      },
    },
  };
}
