import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";

/** A static server over a built site, on a free loopback port. */
export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site folder as a static host would, 404 page included; with `compressed`,
 * it sends the `.br` or `.gz` copy of a file that has one (a site built with precompress),
 * as hosts that compress what they send do.
 */
export async function serveSite(dir: string, options: { compressed?: boolean } = {}): Promise<SiteServer> {
  const compressed = options.compressed ?? false;
  const files = sirv(dir, { dev: false, etag: true, gzip: compressed, brotli: compressed });
  const notFound = await readFile(path.join(dir, "404.html"));
  const server: Server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(notFound);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
