import type { DocumentHints, ExtractedArticle } from '../core/types.js';
import { buildArticle } from './assemble.js';
import { filterBoilerplate } from './boilerplate.js';
import { collectBlocks } from './blocks.js';
import { countElements, parseDocument, removeNonContent } from './dom.js';
import { extractMetadata } from './metadata.js';
import { MAX_ELEMENTS_TO_PARSE, runReadability } from './readability.js';
import { collapseWhitespace, countWords } from './text.js';

/** An article needs at least this many words in all, and one paragraph of some length. */
const MIN_ARTICLE_WORDS = 25;
const MIN_LONGEST_PARAGRAPH_WORDS = 10;
const MAX_BYLINE_CHARS = 200;

function hasArticleText(paragraphs: readonly string[]): boolean {
  let total = 0;
  let longest = 0;
  for (const p of paragraphs) {
    const words = countWords(p);
    total += words;
    longest = Math.max(longest, words);
  }
  return total >= MIN_ARTICLE_WORDS && longest >= MIN_LONGEST_PARAGRAPH_WORDS;
}

function cleanReadabilityByline(byline: string | null): string | null {
  if (!byline) return null;
  const text = collapseWhitespace(byline).replace(/^by\s+/i, '');
  return text.length > 0 && text.length <= MAX_BYLINE_CHARS ? text : null;
}

/** See index.ts. */
export function extractHtml(html: string, hints: DocumentHints): ExtractedArticle | null {
  const document = parseDocument(html);
  const metadata = extractMetadata(document, hints.url ?? null);
  removeNonContent(document);
  const found = countElements(document) <= MAX_ELEMENTS_TO_PARSE ? runReadability(document) : null;
  // Over the cap or nothing found: fall back to the whole body, filtered by the same rules.
  const root: Element | null = found?.content ?? document.body;
  if (!root) return null;
  const byline = metadata.byline ?? cleanReadabilityByline(found?.byline ?? null);
  const paragraphs = filterBoilerplate(collectBlocks(root), {
    title: hints.title ?? metadata.title,
    urls: [hints.url ?? null, metadata.canonicalUrl],
    siteName: hints.source ?? metadata.siteName,
    byline,
  });
  if (!hasArticleText(paragraphs)) return null;
  return buildArticle(paragraphs, metadata, hints, { byline });
}
