import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../../helpers/archive.ts";
import type { SiteServer } from "./server.ts";

/** Where docs/publishing.md's configs keep the site: the base folder under it holds dist/. */
const DOCS_ROOT = "/srv/www";
const DOCS_HOST = "archive.example.org";

export const NGINX = "/usr/sbin/nginx";
export const CADDY = "/usr/bin/caddy";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** The fenced block of one language in docs/publishing.md: the tests run the documented config itself. */
export function documentedConfig(language: "nginx" | "caddyfile"): string {
  const docs = readFileSync(path.join(ROOT, "docs/publishing.md"), "utf8");
  const block = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(docs)?.[1];
  if (!block) throw new Error(`docs/publishing.md has no \`\`\`${language} block`);
  return block;
}

function required(binary: string, packages: string): void {
  if (!existsSync(binary)) {
    throw new Error(
      `${binary} is missing: the publishing tests run the documented configs in Debian's web servers. ` +
        `Install them (sudo apt-get install ${packages}), or run the tests as root so that npm test installs them.`,
    );
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** Starts a server process and waits until it answers, failing with its output when it does not. */
async function run(command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<SiteServer> {
  const child: ChildProcess = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} stopped (${child.exitCode}):\n${output}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`${command} did not answer on ${url}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A folder laid out as the docs say: `<root>/<base>/` holds the built site. */
function documentedLayout(siteDir: string, base: string): { root: string; work: string } {
  const work = mkdtempSync(path.join(tmpdir(), "web-server-"));
  const root = path.join(work, "www");
  const target = path.join(root, base);
  mkdirSync(path.dirname(target), { recursive: true });
  // A symlink keeps the build where it is; both servers follow it.
  symlinkSync(siteDir, target);
  return { root, work };
}

/** Debian's nginx, as one unprivileged process, running docs/publishing.md's nginx block over a built site. */
export async function startNginx(siteDir: string, base: string): Promise<SiteServer> {
  required(NGINX, "nginx libnginx-mod-http-brotli-static");
  required(BROTLI_MODULE, "libnginx-mod-http-brotli-static");
  const port = await freePort();
  const { root, work } = documentedLayout(siteDir, base);
  const site = documentedConfig("nginx")
    .replace("listen 80;", `listen 127.0.0.1:${port};`)
    .replace(`root ${DOCS_ROOT};`, `root ${root};`);
  const temp = (name: string): string => path.join(work, name);
  writeFileSync(
    temp("nginx.conf"),
    [
      `load_module ${BROTLI_MODULE};`,
      "daemon off;",
      "master_process off;",
      `pid ${temp("nginx.pid")};`,
      `error_log ${temp("error.log")} warn;`,
      "events {}",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${temp(kind)};`),
      site,
      "}",
    ].join("\n"),
  );
  return run(NGINX, ["-p", work, "-c", temp("nginx.conf"), "-e", temp("error.log")], process.env, port);
}

/** Debian's Caddy, without its admin endpoint, running docs/publishing.md's Caddyfile over a built site. */
export async function startCaddy(siteDir: string, base: string): Promise<SiteServer> {
  required(CADDY, "caddy");
  const port = await freePort();
  const { root, work } = documentedLayout(siteDir, base);
  const config = documentedConfig("caddyfile")
    .replace(`${DOCS_HOST} {`, `http://127.0.0.1:${port} {`)
    .replace(`root * ${DOCS_ROOT}`, `root * ${root}`);
  const file = path.join(work, "Caddyfile");
  writeFileSync(file, `{\n\tadmin off\n}\n\n${config}`);
  const env = { ...process.env, HOME: work, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work };
  return run(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], env, port);
}
