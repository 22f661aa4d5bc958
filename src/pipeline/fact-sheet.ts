import {
  analyzeArticle,
  ARTICLE_ANALYSIS_VERSION,
  FactSheetBuilder,
  type ArticleAnalysis,
  type FactSheet,
  type FactSheetArticle,
  type FactSheetStory,
} from '../analyze/index.js';
import type { SqliteStore } from '../store/index.js';

/** The articles of a story as the fact sheet takes them, in order of publication. */
export function factSheetArticles(store: SqliteStore, storyId: number): FactSheetArticle[] {
  const members = store.stories.storyArticles(storyId);
  const articles: FactSheetArticle[] = [];
  for (const m of members) {
    const article = store.getArticle(m.articleId);
    if (!article) continue;
    articles.push({
      id: article.id,
      title: article.title,
      source: article.source,
      published: article.published,
      paragraphs: article.paragraphs,
      copyGroup: m.copyGroup,
      url: article.canonicalUrl ?? article.url,
    });
  }
  return articles;
}

/**
 * The per-article analysis of each article, from the store's cache when it is of the current
 * version, else computed and cached: a story's fact sheet never analyses an article twice.
 */
export function cachedAnalyses(store: SqliteStore, articles: FactSheetArticle[]): Map<number, ArticleAnalysis> {
  const result = new Map<number, ArticleAnalysis>();
  const select = store.db.prepare('SELECT data FROM article_analyses WHERE article_id = ? AND version = ?');
  const upsert = store.db.prepare(
    'INSERT INTO article_analyses (article_id, version, data) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, data = excluded.data',
  );
  const fresh: ArticleAnalysis[] = [];
  for (const article of articles) {
    const row = select.get(article.id, ARTICLE_ANALYSIS_VERSION) as { data: string } | undefined;
    if (row) {
      result.set(article.id, JSON.parse(row.data) as ArticleAnalysis);
    } else {
      const analysis = analyzeArticle(article);
      fresh.push(analysis);
      result.set(article.id, analysis);
    }
  }
  if (fresh.length) store.transaction(() => fresh.forEach((a) => upsert.run(a.articleId, ARTICLE_ANALYSIS_VERSION, JSON.stringify(a))));
  return result;
}

/** Builds a fact sheet from the given articles, analysing only those whose analysis is not cached in the store yet. */
export function buildFactSheetCached(store: SqliteStore, story: FactSheetStory, articles: FactSheetArticle[]): FactSheet {
  const analyses = cachedAnalyses(store, articles);
  const builder = new FactSheetBuilder(story);
  for (const article of articles) builder.add(article, analyses.get(article.id));
  return builder.build();
}

/** Builds the fact sheet of a story from the store, reusing cached per-article analyses; null when there is no such story. */
export function storyFactSheet(store: SqliteStore, storyId: number): FactSheet | null {
  const story = store.stories.getStory(storyId);
  if (!story) return null;
  return buildFactSheetCached(store, { id: story.id, title: story.title }, factSheetArticles(store, story.id));
}
