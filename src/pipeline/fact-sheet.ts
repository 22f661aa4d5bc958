import { ARTICLE_ANALYSIS_VERSION, type FactSheet, type FactSheetArticle, type FactSheetStory } from '../analyze/index.js';
import type { StoredArticle } from '../core/types.js';
import { isCrosscheckError } from '../core/errors.js';
import type { StoreReader, StorePort } from '../store/index.js';
import { buildSheet, type SheetBuildInput, type SheetBuildOutput } from './sheet-build.js';

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
    origin: article.origin,
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

/** The input of a sheet build: the story, its articles and their cached analyses from the store. */
export async function sheetBuildInput(store: StoreReader, story: FactSheetStory, articles: FactSheetArticle[]): Promise<SheetBuildInput> {
  const stored = await store.analyses.get(
    articles.map((a) => a.id),
    ARTICLE_ANALYSIS_VERSION,
  );
  return { story, articles, analyses: Object.fromEntries(stored) };
}

/** Stores the analyses a build computed, so that the next build of any story reuses them (skipped when the store stays busy). */
export async function saveBuiltAnalyses(store: StorePort, output: SheetBuildOutput): Promise<void> {
  if (output.fresh.length === 0) return;
  await writeCache(store, (tx) =>
    tx.analyses.put(
      output.fresh.map((a) => ({ articleId: a.articleId, data: a.json })),
      ARTICLE_ANALYSIS_VERSION,
    ),
  );
}

/**
 * Builds the fact sheet of a story from the store on the caller's thread (the CLI), with the
 * same {@link buildSheet} the server runs in its workers, reusing and saving per-article
 * analyses; null when there is no such story.
 */
export async function storyFactSheet(store: StorePort, storyId: number): Promise<FactSheet | null> {
  const story = await store.stories.get(storyId);
  if (!story) return null;
  const output = buildSheet(await sheetBuildInput(store, { id: story.id, title: story.title }, await factSheetArticles(store, story.id)));
  await saveBuiltAnalyses(store, output);
  return JSON.parse(output.json) as FactSheet;
}
