import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { pageText } from "../../src/lib/search/page.ts";
import { seededRandom } from "../../tests/helpers/generated.ts";

/**
 * Known-item queries: what a reader types to find again one article they remember, made
 * reproducibly from the archive. For a sample of articles drawn with a fixed seed, the
 * query is the rarest word of the headline and the rarest word of the text that is not in
 * the headline (words as jieba cuts them, of two Han characters or more; rarest by the
 * number of the archive's articles that have the word; ties broken by the seed). Both words
 * must be rare, in at most one article in a hundred, and together they must identify the
 * article: no other article's headline and text contain both (as the recall benchmark finds
 * articles, by substring). An article that fails either test (a generic headline such as
 * 国内联播快讯, or a report that the same words describe as well as several others) is not
 * one a reader can name by two words, and is left out of the sample.
 */

/** One article as the query maker reads it. */
export interface KnownItemArticle {
  id: string;
  title: string;
  /** The body as HTML. */
  html: string;
}

/** One known-item query: the Simplified words typed, and the article meant. */
export interface KnownItemQuery {
  id: string;
  query: string;
}

/** The seed of the sample, so that every run asks the same queries of the same archive. */
export const KNOWN_ITEM_SEED = 27;

const WORD = /^\p{Script=Han}{2,}$/u;

/** The largest share of the archive's articles a query word may be in. */
const RARE_SHARE = 0.01;

/** The queries made, and how many articles were drawn to make them. */
export interface KnownItemSample {
  queries: KnownItemQuery[];
  drawn: number;
}

/** Makes up to `count` known-item queries from the archive's articles (fewer when too few articles have fitting words). */
export function knownItemQueries(
  articles: readonly KnownItemArticle[],
  count: number,
  seed = KNOWN_ITEM_SEED,
): KnownItemSample {
  const jieba = Jieba.withDict(dict);
  const wordsOf = (text: string): Set<string> => new Set(jieba.cut(text, false).filter((word) => WORD.test(word)));
  const cut = articles.map((article) => {
    const text = pageText(article.html);
    return { id: article.id, full: `${article.title}\n${text}`, title: wordsOf(article.title), text: wordsOf(text) };
  });
  const articlesWith = new Map<string, number>();
  for (const { title, text } of cut) {
    for (const word of new Set([...title, ...text])) articlesWith.set(word, (articlesWith.get(word) ?? 0) + 1);
  }
  const random = seededRandom(seed);
  const rare = Math.max(1, Math.floor(articles.length * RARE_SHARE));
  const rarest = (words: Iterable<string>): string | undefined => {
    let best: { word: string; articles: number; tie: number } | undefined;
    for (const word of [...words].sort()) {
      if ((articlesWith.get(word) ?? 0) > rare) continue;
      const candidate = { word, articles: articlesWith.get(word) ?? 0, tie: random() };
      if (
        !best ||
        candidate.articles < best.articles ||
        (candidate.articles === best.articles && candidate.tie < best.tie)
      )
        best = candidate;
    }
    return best?.word;
  };
  const order = cut.map((article) => ({ article, key: random() })).sort((a, b) => a.key - b.key);
  const identifies = (words: string[]): boolean =>
    cut.filter((other) => words.every((word) => other.full.includes(word))).length === 1;
  const queries: KnownItemQuery[] = [];
  let drawn = 0;
  for (const { article } of order) {
    if (queries.length >= count) break;
    drawn++;
    const fromTitle = rarest(article.title);
    const fromText = rarest([...article.text].filter((word) => !article.title.has(word)));
    if (fromTitle && fromText && identifies([fromTitle, fromText]))
      queries.push({ id: article.id, query: `${fromTitle} ${fromText}` });
  }
  return { queries, drawn };
}
