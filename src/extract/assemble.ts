import { cleanLabel } from '../core/text/controls.js';
import type { ArticleContinuation, DateProvenance, DocumentHints, ExtractedArticle } from '../core/types.js';
import { normalizeDate } from './dates.js';
import { detectLanguage, normalizeLanguageTag } from './language.js';
import { hostOf, type PageMetadata } from './metadata.js';

/** Bump when extraction output changes for the same input. */
export const EXTRACTOR_VERSION = 3;

/** Date sources a document states about itself; they beat a date the container gave. */
const PAGE_DATE_SOURCES: ReadonlySet<DateProvenance> = new Set(['meta', 'json-ld', 'text']);

function chooseDate(metadata: PageMetadata, hint: string | undefined): { published: string | null; from: DateProvenance | null } {
  const fromHint = hint ? normalizeDate(hint) : null;
  if (metadata.published && metadata.publishedFrom && PAGE_DATE_SOURCES.has(metadata.publishedFrom)) {
    return { published: metadata.published, from: metadata.publishedFrom };
  }
  if (fromHint) return { published: fromHint, from: 'input' };
  return { published: metadata.published, from: metadata.publishedFrom };
}

/** More than the language detector reads (it takes the first 300 characters). */
const DETECTION_SAMPLE_CHARS = 1_000;

/**
 * The paragraphs joined by newlines, as far as the first paragraph that reaches `chars`: the
 * start of `paragraphs.join('\n')` without joining a megabytes-long article whole.
 */
function leadingText(paragraphs: readonly string[], chars: number): string {
  let end = 0;
  let length = 0;
  while (end < paragraphs.length && length < chars) length += paragraphs[end++]!.length + 1;
  return paragraphs.slice(0, end).join('\n');
}

/** A title, outlet or byline as shown: no control, bidirectional or zero-width characters, spaces collapsed; null when nothing is left. */
function label(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const clean = cleanLabel(value).replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

/**
 * Combines extracted paragraphs, page metadata and the input's hints. Hints win for title,
 * source, URL and language (the input stated them); for the date the page's own meta or
 * JSON-LD wins and the hint fills the gap, ahead of `<time>` and URL guesses.
 */
export function buildArticle(
  paragraphs: string[],
  metadata: PageMetadata,
  hints: DocumentHints,
  extra: { byline: string | null; continuation?: ArticleContinuation | undefined } = { byline: null },
): ExtractedArticle {
  const url = hints.url ?? metadata.canonicalUrl ?? null;
  const canonicalUrl = metadata.canonicalUrl ?? url;
  const source = label(hints.source) ?? label(metadata.siteName) ?? hostOf(url);
  const date = chooseDate(metadata, hints.published);
  const hintedLanguage = hints.language ? normalizeLanguageTag(hints.language) : null;
  const article: ExtractedArticle = {
    title: label(hints.title) ?? label(metadata.title),
    paragraphs,
    source,
    byline: label(metadata.byline) ?? label(extra.byline),
    url,
    canonicalUrl,
    published: date.published,
    publishedFrom: date.from,
    language: hintedLanguage ?? metadata.language ?? detectLanguage(leadingText(paragraphs, DETECTION_SAMPLE_CHARS)),
    extractorVersion: EXTRACTOR_VERSION,
  };
  if (extra.continuation) article.continuation = extra.continuation;
  return article;
}

/** Metadata with nothing known, for plain text. */
export const EMPTY_METADATA: PageMetadata = {
  title: null,
  siteName: null,
  byline: null,
  canonicalUrl: null,
  published: null,
  publishedFrom: null,
  language: null,
  evidence: { headline: null, articleBody: null, description: null, ogType: null },
};
