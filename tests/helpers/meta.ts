import { readFileSync } from "node:fs";
import { parseArticleFile } from "../../src/lib/article/load.ts";
import { validateFrontMatter, type ArticleMeta } from "../../src/lib/article/schema.ts";
import { SAMPLE_ARTICLE } from "./archive.ts";

/** Front matter as validated by the article model, from plain fields as a maintainer would write them. */
export function meta(fields: Record<string, unknown>): ArticleMeta {
  const result = validateFrontMatter(fields);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
  return result.meta;
}

/** The Taiyuan sample article's front matter, read from content/ as the build reads it. */
export function sampleMeta(): ArticleMeta {
  const result = parseArticleFile(SAMPLE_ARTICLE, readFileSync(SAMPLE_ARTICLE));
  if (!("article" in result)) throw new Error("the sample article does not load");
  return result.article.meta;
}

/** A made-up State Council notice, as a maintainer would file one. */
export const STATE_COUNCIL_NOTICE = {
  id: "2024-01-05-gf0001",
  title: "国务院关于进一步优化营商环境的通知",
  date: "2024-01-05",
  script: "hans",
  source: "中国政府网",
  document_number: "国发〔2024〕1号",
  issuers: ["国务院"],
  document_type: "通知",
  status: "in_force",
  effective: "2024-02-01",
};
