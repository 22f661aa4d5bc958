import { toolkitOf } from '../text.js';
import type { QuoteLanguage } from './lang.js';
import type { MarkedSpan } from './marks.js';

/** A sentence as `[start, end)` offsets into its paragraph. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const CLOSING_MARK_RE = /["”»“]\s*$/;

/**
 * The paragraph's sentences for quote finding: the text toolkit's sentences of the language,
 * joined again where a boundary falls inside quotation marks (a quote of several sentences and
 * its attribution stay one sentence) or where a closing mark is followed by its attribution
 * (`“We will win!” the captain said.`).
 */
export function splitSentences(paragraph: string, spans: readonly MarkedSpan[], lang: QuoteLanguage): SentenceSpan[] {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of toolkitOf(lang.code).sentences(paragraph)) {
    const prev = out[out.length - 1];
    const boundary = s.start;
    const isInsideQuote = spans.some((sp) => sp.open < boundary && (sp.close === null || sp.close >= boundary));
    const isAttributionAfterQuote = prev !== undefined && CLOSING_MARK_RE.test(paragraph.slice(prev.start, prev.end)) && lang.attributionAfterQuoteRe.test(paragraph.slice(s.start));
    if (prev !== undefined && (isInsideQuote || isAttributionAfterQuote)) prev.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
