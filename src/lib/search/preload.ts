import { readFileSync } from "node:fs";
import path from "node:path";
import { MANIFEST_ELEMENT_ID, type SearchManifest } from "./manifest.ts";

/**
 * What the search page asks for before its scripts run. On a phone network every request
 * waiting on another costs a round trip (half a second on Slow 4G): left to themselves, the
 * page's module scripts discover their imports, the search script fetches the manifest, which
 * names Pagefind's program, which fetches its entry file, which names the page list and the
 * WebAssembly, nine downloads in a row before the first result. Written into the built page
 * once the index exists (the manifest is known only then): the manifest itself, and a
 * preload of every script and file the first search needs, so they all start at once.
 */

/**
 * Adds the manifest and the preloads to a built search page's head. `siteDir` is the built
 * site, where the page's module scripts are read for their imports; `base` the site's base path.
 */
export function withSearchPreloads(html: string, manifest: SearchManifest, siteDir: string, base: string): string {
  const links: string[] = [];
  // fetch() asks in CORS mode: a preload must say so too, or the browser fetches twice.
  const fetched = (href: string) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`;
  // Pagefind's files first: its WebAssembly is the largest download the first search waits on,
  // and a host on HTTP/1.1 lets a browser fetch six files at a time, in the order asked.
  if (manifest.start) {
    for (const file of [manifest.start.wasm, manifest.start.entry, manifest.start.meta]) links.push(fetched(file));
    links.push(`<link rel="modulepreload" href="${manifest.start.script}">`);
  }
  for (const src of moduleScripts(html)) {
    for (const imported of staticImports(siteDir, base, src))
      links.push(`<link rel="modulepreload" href="${imported}">`);
  }
  // Not the other shards' page lists, which would share the line with these: the page's script
  // asks for them once it knows the first results do not wait on them (src/scripts/search/page.ts).
  // A query typed in the other script needs the conversion table first: loaded after the rest.
  links.push(`<link rel="preload" href="${manifest.table}" as="fetch" crossorigin fetchpriority="low">`);
  // Inside a script of JSON, "</" could close the element early.
  const json = JSON.stringify(manifest).replace(/</g, "\\u003c");
  const data = `<script type="application/json" id="${MANIFEST_ELEMENT_ID}">${json}</script>`;
  const block = `${BLOCK_START}${[...new Set(links)].join("")}${data}${BLOCK_END}`;
  // A page indexed again (a site folder indexed anew) gets the new block instead of a second one.
  const earlier = html.indexOf(BLOCK_START);
  if (earlier >= 0) {
    const end = html.indexOf(BLOCK_END, earlier);
    if (end < 0) throw new Error("the search page has the start of its preloads but not their end");
    return `${html.slice(0, earlier)}${block}${html.slice(end + BLOCK_END.length)}`;
  }
  const head = html.indexOf("</head>");
  if (head < 0) throw new Error("the search page has no </head>");
  return `${html.slice(0, head)}${block}${html.slice(head)}`;
}

const BLOCK_START = "<!--search-preloads-->";
const BLOCK_END = "<!--/search-preloads-->";

/** The addresses of a page's module scripts. */
function moduleScripts(html: string): string[] {
  return [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1] as string);
}

/** Every module a script imports statically, however deep, as addresses: what the browser would discover one level at a time. */
function staticImports(siteDir: string, base: string, src: string): string[] {
  const found = new Set<string>();
  const visit = (address: string): void => {
    const file = path.join(siteDir, address.slice(base.length));
    let code: string;
    try {
      code = readFileSync(file, "utf8");
    } catch {
      return;
    }
    // Static imports and re-exports only: `import("…")` loads later, when it is needed.
    for (const match of code.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      const imported = new URL(match[1] as string, `https://site${address}`).pathname;
      if (found.has(imported)) continue;
      found.add(imported);
      visit(imported);
    }
  };
  visit(src);
  return [...found];
}
