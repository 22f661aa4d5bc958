import type { DocumentHints, RawDocument } from '../core/types.js';
import { buildArticle, StoryPipeline } from '../pipeline/index.js';
import type { NewArticle, SqliteStore } from '../store/index.js';
import type { NewArticleBody } from './schemas.js';

/** What a POST that stores an article answers. */
export interface IngestResult {
  /** `new`: stored now; `known`: the same text (or canonical URL) was already stored. */
  status: 'new' | 'known';
  articleId: number;
  storyId: number | null;
  isNewStory: boolean;
  title: string | null;
  source: string | null;
}

/** Turns a `POST /api/articles` body into a raw document, as the file readers would. */
export function documentFromBody(body: NewArticleBody, input: string): RawDocument {
  const hints: DocumentHints = {};
  if (body.id !== undefined) hints.id = body.id;
  if (body.url !== undefined) hints.url = body.url;
  if (body.title !== undefined) hints.title = body.title;
  if (body.source !== undefined) hints.source = body.source;
  if (body.published !== undefined) hints.published = body.published;
  if (body.language !== undefined) hints.language = body.language;
  const isHtml = body.html !== undefined;
  return { origin: { input }, format: isHtml ? 'html' : 'text', content: (isHtml ? body.html : body.text) ?? '', hints };
}

/**
 * Stores one document and assigns it to a story at once. Keeps one story pipeline (copy index,
 * clusterer) in memory across requests, reloaded from the store when another writer (the CLI,
 * the watcher) assigned articles in between.
 */
export class ArticleIngester {
  private pipeline: StoryPipeline | null = null;
  private knownSeq = -1;

  constructor(
    private readonly store: SqliteStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Extracts, stores and assigns; throws CrosscheckError `no_content` when no article text is found. */
  ingest(doc: RawDocument): IngestResult {
    const at = this.now();
    const record = buildArticle(doc, at);
    try {
      return this.store.transaction(() => this.insertAndAssign(record, at));
    } catch (error) {
      // The in-memory indexes may hold what the rolled-back transaction did: rebuild them next time.
      this.pipeline = null;
      throw error;
    }
  }

  private insertAndAssign(record: NewArticle, at: Date): IngestResult {
    const inserted = this.store.insertArticle(record);
    if (inserted.status === 'known') {
      const row = this.store.db.prepare('SELECT story_id AS storyId FROM assignments WHERE article_id = ?').get(inserted.id) as { storyId: number } | undefined;
      const known = this.store.getArticle(inserted.id);
      return {
        status: 'known',
        articleId: inserted.id,
        storyId: row?.storyId ?? null,
        isNewStory: false,
        title: known?.title ?? null,
        source: known?.source ?? null,
      };
    }
    const article = this.store.getArticle(inserted.id);
    if (!article) throw new Error(`article #${inserted.id} vanished after insert`);
    const pipeline = this.currentPipeline();
    // Anything another writer left unassigned goes first, in order, then the new article.
    for (const id of this.store.stories.pendingArticleIds()) {
      if (id === article.id) continue;
      const pending = this.store.getArticle(id);
      if (pending) pipeline.process(pending, at.toISOString());
    }
    const result = pipeline.process(article, at.toISOString());
    // No state save here: a later load replays the assignments made after the last save.
    this.knownSeq = this.store.stories.maxSeq();
    return {
      status: 'new',
      articleId: article.id,
      storyId: result.storyId,
      isNewStory: result.isNewStory,
      title: article.title,
      source: article.source,
    };
  }

  private currentPipeline(): StoryPipeline {
    const seq = this.store.stories.maxSeq();
    if (!this.pipeline || seq !== this.knownSeq) {
      this.pipeline = StoryPipeline.load(this.store);
      this.knownSeq = seq;
    }
    return this.pipeline;
  }
}
