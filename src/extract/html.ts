import type { DocumentHints, ExtractedArticle } from '../core/types.js';
import { buildArticle } from './assemble.js';
import { filterBoilerplate } from './boilerplate.js';
import { collectBlocks } from './blocks.js';
import { chooseArticle } from './candidates.js';
import { countElements, removeNonContent } from './dom.js';
import { extractMetadata } from './metadata.js';
import { MAX_ELEMENTS_TO_PARSE, runReadability } from './readability.js';
import { collapseWhitespace, countWords } from './text.js';
import { parsePage, type HtmlElement } from './tree.js';

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
  const page = parsePage(html);
  const metadata = extractMetadata(page, hints.url ?? null);
  removeNonContent(page);
  const mode = process.env['CROSSCHECK_EXTRACT_MODE'] ?? 'readability';
  let found: ReturnType<typeof runReadability> = null;
  let blocks;
  if (mode === 'own') {
    const choice = chooseArticle(page.body, metadata.evidence);
    blocks = choice.roots.flatMap((r) => collectBlocks(r, choice.excluded));
  } else {
    found = countElements(page.body) <= MAX_ELEMENTS_TO_PARSE ? runReadability(page) : null;
    // Over the cap or nothing found: fall back to the whole body, filtered by the same rules.
    const root: HtmlElement = found?.content ?? page.body;
    blocks = collectBlocks(root);
  }
  const byline = metadata.byline ?? cleanReadabilityByline(found?.byline ?? null);
  const paragraphs = filterBoilerplate(blocks, {
    title: hints.title ?? metadata.title,
    urls: [hints.url ?? null, metadata.canonicalUrl],
    siteName: hints.source ?? metadata.siteName,
    byline,
  });
  if (!hasArticleText(paragraphs)) return null;
  return buildArticle(paragraphs, metadata, hints, { byline });
}
