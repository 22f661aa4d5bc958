/**
 * Extraction: HTML pages and plain-text articles → clean paragraphs and metadata.
 *
 * HTML is slimmed by a streaming pass (slim.ts) and parsed by parse5, the HTML standard's tree
 * construction (tree.ts; no script engine: nothing in the page runs); the article is chosen
 * by content scores after furniture is set aside (candidates.ts, lexicon.ts), and general
 * boilerplate rules clean its blocks (boilerplate.ts). Readability over linkedom is the
 * fallback when no article is found. Work is bounded: input is cut at `MAX_HTML_CHARS`,
 * nesting flattened beyond `MAX_NESTING_DEPTH`, traversal is iterative, patterns are linear;
 * `createExtractionPool` adds a time and memory budget per document, off the caller's thread.
 */
import type { DocumentHints, ExtractedArticle } from '../core/types.js';
import { extractHtml as extractHtmlImpl, type HtmlExtractOptions } from './html.js';
import { detectLanguage as detectLanguageImpl } from './language.js';
import { extractPlainText as extractPlainTextImpl } from './plain-text.js';

export { EXTRACTOR_VERSION } from './assemble.js';
export { createExtractionPool, DEFAULT_MEMORY_MB, DEFAULT_MS_PER_DOCUMENT, type ExtractionPool, type ExtractionPoolOptions } from './pool.js';
export { createSiteBlocks, type SiteBlocks } from './site-blocks.js';
export { MAX_NESTING_DEPTH } from './slim.js';
export { MAX_HTML_CHARS } from './tree.js';
export { MAX_ELEMENTS_TO_PARSE } from './readability.js';

/**
 * HTML page → article, or null when the page has no article text (fewer than 25 words after
 * boilerplate removal, or no paragraph of 10 words). Pure and deterministic (unless given
 * `siteBlocks`); never executes scripts. `continuation` is set when the page says the article
 * goes on (a next page, a "read more" link). Hints: `title`, `source`, `url` and `language` override what the page says; for
 * `published`, the page's own meta/JSON-LD date wins and the hint fills the gap (before `<time>`
 * and URL-pattern guesses). `publishedFrom` tells where the date came from.
 */
export function extractHtml(html: string, hints: DocumentHints, options: HtmlExtractOptions = {}): ExtractedArticle | null {
  return extractHtmlImpl(html, hints, options);
}

/**
 * Options of `extractHtml`: `maxChars` (input beyond is not read), `maxDepth` (nesting beyond
 * is flattened, text kept), `siteBlocks` (a memory from `createSiteBlocks`: blocks the same host
 * printed at the edges of two other pages are dropped; the call then depends on earlier calls).
 */
export type { HtmlExtractOptions } from './html.js';

/**
 * Plain-text article → article, or null when there is no text. A leading `date YYYY-MM-DD`
 * token (possibly after whitespace) is the publication date (`publishedFrom: 'text'`, beats a
 * hint) and is removed from the text. Paragraphs split on blank lines, or on single newlines when
 * the text has no blank line. A short first paragraph without final punctuation, followed by
 * another, is the title; otherwise `title` is the hint or null (the caller may use the lead).
 * Boilerplate lines ("ALSO READ: …", prompts, credits) are dropped. Language is detected.
 * Pure and deterministic.
 */
export function extractPlainText(text: string, hints: DocumentHints): ExtractedArticle | null {
  return extractPlainTextImpl(text, hints);
}

/** ISO 639-1 language code of the text (ELD n-gram detector), or null when it is too short or the guess unreliable. Deterministic. */
export function detectLanguage(text: string): string | null {
  return detectLanguageImpl(text);
}
