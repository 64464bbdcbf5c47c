import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Pages like those of Chinese news and government sites, for the source checks, and a
 * local server to serve them: no test reaches the internet.
 */

/** An article's text as its site shows it. */
export interface PageText {
  title: string;
  day: string;
  paragraphs: readonly string[];
}

/** A news page in the layout of a provincial news site: breadcrumb, headline, byline, text, furniture. */
export function newsPage(url: string, text: PageText, options: { charset?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${options.charset ?? "utf-8"}">
<title>${text.title}_山西新闻网</title>
<meta property="og:url" content="${url}">
<script>var _hmt = _hmt || [];</script>
</head><body>
<div class="top-nav"><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/app/">客户端</a></div>
<div class="crumbs">山西新闻网 &gt; 时政要闻</div>
<h1>${text.title}</h1>
<div class="info">来源：山西日报 发布时间：${text.day} 07:41</div>
<div class="article-content" id="detail">
${text.paragraphs.map((paragraph) => `<p>　　${paragraph}</p>`).join("\n")}
</div>
<div class="share">分享到：微信 微博</div>
<div class="related"><a href="/news/1.html">相关新闻一</a><a href="/news/2.html">相关新闻二</a></div>
<div class="footer">山西新闻网版权所有 晋ICP备05000000号</div>
</body></html>`;
}

/** The same article in a new layout of the site: other wrappers, other furniture, the same words. */
export function redesignedPage(url: string, text: PageText): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${text.title} - 山西新闻网</title>
<link rel="canonical" href="${url}"><style>.main{width:1200px}</style></head>
<body><header class="site-header"><nav><a href="/">首页</a><a href="/news/">要闻</a></nav></header>
<main class="main"><section class="left">
<div class="title-box"><h1>${text.title}</h1><div class="meta"><span>山西日报</span> <span>${text.day} 07:41</span></div></div>
<article class="post-content">
${text.paragraphs.map((paragraph) => `<p style="text-indent:2em"><span>${paragraph}</span></p>`).join("\n")}
</article></section>
<aside class="right"><h3>热点推荐</h3><ul><li><a href="/a.html">热点一</a></li><li><a href="/b.html">热点二</a></li></ul></aside></main>
<footer>Copyright 山西新闻网</footer></body></html>`;
}

/** A "page does not exist" page as many Chinese sites serve it, with status 200. */
export function softNotFoundPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示信息</title></head>
<body><div class="top-nav"><a href="/">首页</a></div>
<div class="error-box"><img src="/images/404.png" alt=""><p>抱歉，您访问的页面不存在或已被删除！</p>
<p><a href="/">返回首页</a></p><p>5秒后自动跳转</p></div></body></html>`;
}

/** A home page: a list of headlines, no article text. */
export function homePage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>山西新闻网</title></head>
<body><ul class="news-list"><li><a href="/news/1.html">要闻一</a></li><li><a href="/news/2.html">要闻二</a></li></ul></body></html>`;
}

/** A route of the test server. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A server on 127.0.0.1 answering from a table of routes (404 for the rest); its address and the requests it saw. */
export async function servePages(routes: (origin: string) => Record<string, Route>): Promise<{
  origin: string;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}> {
  const requests: { path: string; headers: IncomingMessage["headers"] }[] = [];
  let table: Record<string, Route> = {};
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    requests.push({ path, headers: request.headers });
    const route = table[path];
    if (route) route(request, response);
    else response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>404 Not Found</h1>");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(origin);
  return {
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route sending a fixed body. */
export function send(body: string | Uint8Array, status = 200, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
  };
}

/** A route redirecting elsewhere. */
export function redirect(location: string, status = 302): Route {
  return (_request, response) => response.writeHead(status, { location }).end();
}
