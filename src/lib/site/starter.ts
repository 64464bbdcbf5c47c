import { makeArticleId } from "../article/ids.ts";

/**
 * The files of a new, minimal archive (paths relative to its folder): site settings to
 * edit and one article to copy from, dated `day` (YYYY-MM-DD).
 */
export function starterArchive(day: string): Record<string, string> {
  const id = makeArticleId(day, "first article");
  const [year, month] = day.split("-");
  return {
    "site.yaml": `# Site settings (docs/articles.md, docs/publishing.md). Each text in both scripts.
title:
  hans: 我的文献库
  hant: 我的文獻庫
description:
  hans: 政策文件与新闻报道存档。
  hant: 政策文件與新聞報道存檔。
# The address the site will be published at (http or https), used for canonical links,
# feeds and citations; its path is where the site lives on the host.
url: https://archive.example.org
# The script the site opens in when a reader has not chosen one: hans or hant.
default_script: hans
`,
    [`articles/${year}/${month}/${id}.md`]: `---
id: ${id}
title: 第一篇文章
date: ${day}
script: hans
source: 编者
---

这是新文献库的第一篇文章。复制本文件，改写前言中的字段和正文，即可添加下一篇；每个字段的写法见 docs/articles.md。

第二段与第一段之间空一行。
`,
  };
}
