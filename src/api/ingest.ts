import type { DocumentHints, RawDocument } from '../core/types.js';
import type { LiveResult } from '../pipeline/index.js';
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

/** What the API answers for a result of the ingest-and-assign path. */
export function ingestResult(result: LiveResult): IngestResult {
  if (result.status === 'known') {
    return { status: 'known', articleId: result.id, storyId: result.storyId, isNewStory: false, title: result.title, source: result.source };
  }
  return { status: 'new', articleId: result.id, storyId: result.story.storyId, isNewStory: result.story.isNewStory, title: result.title, source: result.source };
}
