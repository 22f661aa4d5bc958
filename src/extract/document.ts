import type { ExtractedArticle, RawDocument } from '../core/types.js';
import { extractHtml, type HtmlExtractOptions } from './html.js';
import { extractPlainText } from './plain-text.js';

/** A raw document (HTML or plain text) → article, or null when it has no article text. */
export function extractDocument(doc: Pick<RawDocument, 'format' | 'content' | 'hints'>, options: HtmlExtractOptions = {}): ExtractedArticle | null {
  return doc.format === 'html' ? extractHtml(doc.content, doc.hints, options) : extractPlainText(doc.content, doc.hints);
}
