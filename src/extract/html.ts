import type { DocumentHints, ExtractedArticle } from '../core/types.js';
import { buildArticle } from './assemble.js';
import { filterBoilerplate, type PageContext } from './boilerplate.js';
import { collectBlocks } from './blocks.js';
import { chooseArticle, type ArticleChoice } from './candidates.js';
import { findContinuation } from './continuation.js';
import { countElements, removeNonContent } from './dom.js';
import { extractMetadata } from './metadata.js';
import { MAX_ELEMENTS_TO_PARSE, runReadability } from './readability.js';
import { applySiteBlocks, siteHost, type SiteBlocks } from './site-blocks.js';
import { collapseWhitespace, countWords } from './text.js';
import { parsePage } from './tree.js';

/** An article needs at least this many words in all, and one paragraph of some length. */
const MIN_ARTICLE_WORDS = 25;
const MIN_LONGEST_PARAGRAPH_WORDS = 10;
const MAX_BYLINE_CHARS = 200;

/** Options of one extraction (all optional; the pool passes its budget here). */
export interface HtmlExtractOptions {
  /** Input longer than this is cut before parsing. */
  maxChars?: number;
  /** Nesting deeper than this is flattened (text kept). */
  maxDepth?: number;
  /** Blocks seen on other pages of the same host, to drop the ones every page repeats. */
  siteBlocks?: SiteBlocks;
}

/** True when paragraphs make an article: at least MIN_ARTICLE_WORDS words, one paragraph of MIN_LONGEST_PARAGRAPH_WORDS. */
export function hasArticleText(paragraphs: readonly string[]): boolean {
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

function blocksOf(choice: ArticleChoice): ReturnType<typeof collectBlocks> {
  return choice.roots.flatMap((root) => collectBlocks(root, choice.excluded));
}

/** See index.ts. */
export function extractHtml(html: string, hints: DocumentHints, options: HtmlExtractOptions = {}): ExtractedArticle | null {
  const page = parsePage(html, options);
  const metadata = extractMetadata(page, hints.url ?? null);
  removeNonContent(page);
  const context: PageContext = {
    title: hints.title ?? metadata.title,
    urls: [hints.url ?? null, metadata.canonicalUrl],
    siteName: hints.source ?? metadata.siteName,
    byline: metadata.byline,
  };
  const choice = chooseArticle(page.body, metadata.evidence);
  let paragraphs = filterBoilerplate(blocksOf(choice), context);
  let byline = metadata.byline;
  // Readability runs only when the scored choice found no article: a second opinion, not a second pass.
  if (!hasArticleText(paragraphs) && countElements(page.body) <= MAX_ELEMENTS_TO_PARSE) {
    const found = runReadability(page);
    if (found) {
      const readabilityByline = byline ?? cleanReadabilityByline(found.byline);
      const theirs = filterBoilerplate(collectBlocks(found.content), { ...context, byline: readabilityByline });
      if (hasArticleText(theirs)) {
        paragraphs = theirs;
        byline = readabilityByline;
      }
    }
  }
  if (!hasArticleText(paragraphs)) return null;
  if (options.siteBlocks) {
    const { kept } = applySiteBlocks(options.siteBlocks, siteHost(hints.url ?? metadata.canonicalUrl), paragraphs);
    // The site's repeats go only when an article remains.
    if (hasArticleText(kept)) paragraphs = kept;
  }
  const continuation = findContinuation(page, choice, hints.url ?? metadata.canonicalUrl);
  return buildArticle(paragraphs, metadata, hints, { byline, continuation });
}

