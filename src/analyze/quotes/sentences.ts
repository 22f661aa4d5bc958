import { ABBREVIATION_RE, CUE_WORDS } from './lexicon.js';
import type { MarkedSpan } from './marks.js';

/** A sentence as `[start, end)` offsets into its paragraph. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `” Varga said.` after a closing mark: the attribution belongs to the quote's sentence. */
const ATTRIBUTION_AFTER_QUOTE_RE = new RegExp(
  `^(?:(?:[A-Z\u00C0-\u00DE][\\w.'’-]*|the|a|an|of|[a-z]+-[\\w-]+)\\s+){0,8}(?:${CUE_WORDS.map(escape).join('|')})\\b(?![^.!?]*[“"])`,
);
const CLOSING_MARK_RE = /["”]$/;

const BOUNDARY_RE = /[.!?]+["”’)\]]*(\s+)(?=["“„«(]?[A-Z0-9\u00C0-\u00DE])/g;

/**
 * Splits a paragraph into sentences, never inside a quoted stretch (a multi-sentence quote and its
 * attribution stay one sentence) and not after common abbreviations ("Mr.", "U.S.").
 */
export function splitSentences(paragraph: string, spans: readonly MarkedSpan[]): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  while (start < paragraph.length && /\s/.test(paragraph[start]!)) start++;
  for (const match of paragraph.matchAll(BOUNDARY_RE)) {
    const at = match.index;
    const end = at + match[0].length - match[1]!.length;
    const isInsideQuote = spans.some((s) => s.open < at && (s.close === null ? true : s.close >= end));
    if (isInsideQuote) continue;
    if (ABBREVIATION_RE.test(paragraph.slice(Math.max(0, at - 12), at + 1))) continue;
    if (CLOSING_MARK_RE.test(paragraph.slice(at, end)) && ATTRIBUTION_AFTER_QUOTE_RE.test(paragraph.slice(end + match[1]!.length))) continue;
    if (end > start) sentences.push({ start, end });
    start = end + match[1]!.length;
  }
  let end = paragraph.length;
  while (end > start && /\s/.test(paragraph[end - 1]!)) end--;
  if (end > start) sentences.push({ start, end });
  return sentences;
}
