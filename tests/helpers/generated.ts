import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, articleFile } from "./archive.ts";

/**
 * Archives of any size made from the sentences of the project's own sample archive, so that
 * tests of builds and imports at a few hundred articles run on any clone (the shared corpus
 * may be absent). The same seed gives the same archive.
 */

/** A sentence of the sample archive and the script it is written in. */
interface Sentence {
  text: string;
  script: "hans" | "hant";
}

/** One generated article: its id, file (under articles/), front matter fields and body. */
export interface GeneratedArticle {
  id: string;
  file: string;
  fields: Record<string, string>;
  body: string;
}

/** A small, fast generator of repeatable pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleSentences(): Sentence[] {
  const dir = path.join(ROOT, "content/articles");
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
  const sentences: Sentence[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    const script = /^script:\s*hant\s*$/m.test(text) ? "hant" : "hans";
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
    for (const match of body.matchAll(/[^。\n#*|>[\]()]{8,80}。/gu)) sentences.push({ text: match[0].trim(), script });
  }
  if (sentences.length === 0) throw new Error(`no sentences found in ${dir}`);
  return sentences;
}

/** Makes `count` articles (dated over 2023 and 2024, a few paragraphs each) from the sample archive's sentences. */
export function generateArticles(count: number, seed = 1): GeneratedArticle[] {
  const random = seededRandom(seed);
  const sentences = sampleSentences();
  const pick = (script: Sentence["script"]) => {
    const own = sentences.filter((sentence) => sentence.script === script);
    return (own[Math.floor(random() * own.length)] as Sentence).text;
  };
  return Array.from({ length: count }, (_, n) => {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor((n * 730) / count) * 86_400_000).toISOString().slice(0, 10);
    const id = `${day}-g${String(n).padStart(4, "0")}`;
    const script = (sentences[Math.floor(random() * sentences.length)] as Sentence).script;
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(script)).join(""),
    );
    const title = pick(script).replace(/。$/, "").slice(0, 30);
    return {
      id,
      file: `${day.slice(0, 4)}/${day.slice(5, 7)}/${id}.md`,
      fields: { id, title: JSON.stringify(title), date: day, script, source: n % 3 === 0 ? "山西日报" : "中国政府网" },
      body: `${paragraphs.join("\n\n")}\n`,
    };
  });
}

/** Writes generated articles into an archive folder's articles/ (the folder must hold site.yaml). */
export function writeGeneratedArticles(archiveDir: string, articles: readonly GeneratedArticle[]): void {
  for (const article of articles) {
    const file = path.join(archiveDir, "articles", article.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, articleFile(article.fields, article.body));
  }
}
