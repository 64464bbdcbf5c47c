import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

/** A static server over a built site, on a free loopback port. */
export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

/** How a site is served: compressed copies sent when there are some; HTTP/2 over TLS rather than HTTP/1.1. */
export interface ServeOptions {
  compressed?: boolean;
  http2?: boolean;
}

/**
 * Serves a built site folder as a static host would, 404 page included; with `compressed`,
 * it sends the `.br` or `.gz` copy of a file that has one (a site built with precompress),
 * as hosts that compress what they send do. With `http2`, it speaks HTTP/2 over TLS, as
 * GitHub Pages, Cloudflare and Netlify do, with a certificate of its own that the browser
 * must be told to accept (`ignoreHTTPSErrors`).
 */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<SiteServer> {
  const compressed = options.compressed ?? false;
  const files = sirv(dir, { dev: false, etag: true, gzip: compressed, brotli: compressed });
  const notFound = await readFile(path.join(dir, "404.html"));
  const handle = (req: IncomingMessage, res: ServerResponse): void =>
    files(req, res, () => {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(notFound);
    });
  const server: Server | Http2SecureServer = options.http2
    ? createSecureServer({ ...loopbackCertificate(), allowHTTP1: true }, handle as never)
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.http2 ? "https" : "http"}://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * A self-signed certificate for 127.0.0.1 (valid until 2126), kept beside this file: it
 * guards nothing but a loopback test server, and made at each start it would need openssl.
 */
function loopbackCertificate(): { key: Buffer; cert: Buffer } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return {
    key: readFileSync(path.join(here, "loopback-key.pem")),
    cert: readFileSync(path.join(here, "loopback-cert.pem")),
  };
}
