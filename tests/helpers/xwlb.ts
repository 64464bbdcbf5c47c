import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { readXwlbItems, xwlbArticleId, type XwlbItem } from "../../bench/fixtures.ts";
import { ROOT } from "./archive.ts";

/**
 * Archives made from the xwlb transcripts for the browsing tests and benchmark. The
 * items are read by bench/fixtures.ts; the front matter here is filled the way an
 * editor would for browsing: the 【series】 tag of a headline as topic, the leaders
 * a report names as persons and the provinces its headline names as places, and a
 * home or international section. That gives the browse pages realistic groups: a
 * few with thousands of articles, many with a handful.
 */

/** Leaders often named in the programme: a few appear in thousands of items, most in few. */
const PERSONS = [
  "习近平",
  "李强",
  "赵乐际",
  "王沪宁",
  "蔡奇",
  "丁薛祥",
  "李希",
  "韩正",
  "王毅",
  "李克强",
  "栗战书",
  "汪洋",
];

const PROVINCES = [
  "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西",
  "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
  "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
]; // prettier-ignore

/** Words in a headline that mark an international report. */
const FOREIGN = /美国|俄罗斯|乌克兰|欧洲|日本|联合国|国际|外交|以色列|巴勒斯坦|法国|德国|英国/;

/** The front matter fields of an xwlb item's article, browse fields included. */
export function xwlbFrontMatter(item: XwlbItem): Record<string, unknown> {
  const topic = /^【([^】]+)】/.exec(item.title)?.[1];
  const persons = PERSONS.filter((name) => item.html.includes(name));
  const places = PROVINCES.filter((name) => item.title.includes(name));
  return {
    id: xwlbArticleId(item.day, item.index),
    title: item.title,
    date: `${item.day} 19:00`,
    source: "新闻联播",
    publisher: "央视网",
    section: FOREIGN.test(item.title) ? "国际" : "国内",
    ...(item.url ? { url: item.url } : {}),
    script: "hans",
    ...(topic ? { topics: [topic] } : {}),
    ...(persons.length > 0 ? { persons } : {}),
    ...(places.length > 0 ? { places } : {}),
  };
}

/** An article file: YAML front matter and body. */
export function articleText(fields: Record<string, unknown>, body: string): string {
  return `---\n${stringify(fields)}---\n\n${body.trim()}\n`;
}

/**
 * Writes an archive folder (site.yaml and articles/YYYY/MM/<id>.md) of the first
 * `limit` xwlb items, with browse fields. Returns the ids written.
 */
export function writeXwlbBrowseArchive(dir: string, { limit }: { limit: number }): string[] {
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, "content/site.yaml"), path.join(dir, "site.yaml"));
  return readXwlbItems(limit).map((item) => {
    const fields = xwlbFrontMatter(item);
    const id = String(fields["id"]);
    writeArticle(dir, id, articleText(fields, item.html));
    return id;
  });
}

/** Writes one article file into an archive folder, under articles/YYYY/MM/ from its id. */
export function writeArticle(dir: string, id: string, text: string): void {
  const folder = path.join(dir, "articles", id.slice(0, 4), id.slice(5, 7));
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${id}.md`), text);
}
