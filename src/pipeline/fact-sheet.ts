import {
  analyzeArticle,
  ARTICLE_ANALYSIS_VERSION,
  FactSheetBuilder,
  type ArticleAnalysis,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
} from '../analyze/index.js';
import type { StoredArticle } from '../core/types.js';
import { isCrosscheckError } from '../core/errors.js';
import type { StoreReader, StorePort } from '../store/index.js';

/**
 * The one mapping from a stored article to the article a fact sheet cites. The URL cited is the
 * page the text was read from; the page's own claim of a canonical address stands in only when
 * the input had no address of its own (a file, a JSON record).
 */
export function toFactSheetArticle(article: StoredArticle, copyGroup: number): FactSheetArticle {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    published: article.published,
    paragraphs: article.paragraphs,
    copyGroup,
    url: article.url ?? article.canonicalUrl,
  };
}

/** The articles of a story as the fact sheet takes them, in order of publication. */
export async function factSheetArticles(store: StoreReader, storyId: number): Promise<FactSheetArticle[]> {
  const members = await store.stories.members(storyId);
  const articles = new Map((await store.articles.getMany(members.map((m) => m.articleId))).map((a) => [Number(a.id), a]));
  return members.flatMap((m) => {
    const article = articles.get(m.articleId);
    return article ? [toFactSheetArticle(article, m.copyGroup)] : [];
  });
}

/** How long a cache write waits for its turn before it is skipped (a read never waits long to write), ms. */
export const CACHE_WRITE_DEADLINE_MS = 2000;

/**
 * Runs a cache write through the writer path; when the store stays busy past a short deadline
 * the write is skipped (the value is computed again next time), never failing the read.
 */
export async function writeCache(store: StorePort, fn: Parameters<StorePort['transaction']>[0]): Promise<void> {
  try {
    await store.transaction(fn, { deadlineMs: CACHE_WRITE_DEADLINE_MS });
  } catch (error) {
    if (!(isCrosscheckError(error) && (error.code === 'store_busy' || error.code === 'read_only'))) throw error;
  }
}

/**
 * The per-article analysis of each article, from the store's cache when it is of the current
 * version, else computed and cached: a story's fact sheet never analyses an article twice.
 */
export async function cachedAnalyses(store: StorePort, articles: FactSheetArticle[]): Promise<Map<number, ArticleAnalysis>> {
  const result = new Map<number, ArticleAnalysis>();
  const stored = await store.analyses.get(
    articles.map((a) => a.id),
    ARTICLE_ANALYSIS_VERSION,
  );
  const fresh: ArticleAnalysis[] = [];
  for (const article of articles) {
    const data = stored.get(article.id);
    const cached = data === undefined ? null : parseAnalysis(data);
    if (cached) {
      result.set(article.id, cached);
    } else {
      const analysis = analyzeArticle(article);
      fresh.push(analysis);
      result.set(article.id, analysis);
    }
  }
  if (fresh.length) {
    await writeCache(store, (tx) =>
      tx.analyses.put(
        fresh.map((a) => ({ articleId: a.articleId, data: JSON.stringify(a) })),
        ARTICLE_ANALYSIS_VERSION,
      ),
    );
  }
  return result;
}

/** Builds a fact sheet from the given articles, analysing only those whose analysis is not cached in the store yet. */
export async function buildFactSheetCached(store: StorePort, story: FactSheetStory, articles: FactSheetArticle[]): Promise<FactSheet> {
  const analyses = await cachedAnalyses(store, articles);
  const builder = new FactSheetBuilder(story);
  for (const article of articles) builder.add(article, analyses.get(article.id));
  return builder.build();
}

/** Builds the fact sheet of a story from the store, reusing cached per-article analyses; null when there is no such story. */
export async function storyFactSheet(store: StorePort, storyId: number): Promise<FactSheet | null> {
  const story = await store.stories.get(storyId);
  if (!story) return null;
  return buildFactSheetCached(store, { id: story.id, title: story.title }, await factSheetArticles(store, story.id));
}

/** A cached analysis, or null when the row is damaged: it is analysed again and overwritten (the cache is derived). */
function parseAnalysis(data: string): ArticleAnalysis | null {
  try {
    return JSON.parse(data) as ArticleAnalysis;
  } catch {
    return null;
  }
}
