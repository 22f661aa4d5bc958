import type { Attribution } from './attribution.js';
import { opensWithMark, type MarkedSpan } from './marks.js';
import type { ParagraphInfo } from './paragraph.js';
import type { SentenceSpan } from './sentences.js';

/** Longest quoted noun phrase read as a name or title rather than as words someone said. */
const MAX_NAME_WORDS = 4;

const REGEXPS = {
  letterOrDigit: /[\p{L}\p{N}]/u,
  determinerBefore: /\b(?:the|a|an|its|their|his|her|this|that|so-called)\s*$/i,
  wordAfter: /^\s*([\p{Ll}][\p{L}-]*)/u,
  words: /\S+/g,
};

// Words after a quoted phrase that show it is used as a modifier or name ("the “fair deal” plan")
// are nouns; these common words after one are not.
const NOT_NOUNS = new Set([
  'and', 'or', 'but', 'with', 'to', 'of', 'in', 'on', 'at', 'for', 'from', 'by', 'as', 'that', 'which', 'who', 'is', 'was',
  'are', 'were', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'has', 'have', 'had', 'be', 'been', 'than',
  'if', 'when', 'while', 'because', 'after', 'before', 'into', 'over', 'under', 'against', 'about', 'since', 'until', 'so',
]);

/**
 * A quoted stretch inside the reporter's sentence is `partial` (words picked out of a statement)
 * unless it opens the sentence or continues a quote from the paragraph before (then `direct`).
 */
export function isPartialSpan(info: ParagraphInfo, sentence: SentenceSpan, span: MarkedSpan, isContinuation: boolean): boolean {
  if (isContinuation) return false;
  const before = info.text.slice(sentence.start, span.open).trimEnd();
  const lastChar = before[before.length - 1];
  return lastChar !== undefined && REGEXPS.letterOrDigit.test(lastChar);
}

/**
 * Whether a partial quote is really words the speaker said. Not when it is a name or title in
 * quotation marks (a short noun phrase after a determiner and before the noun it names: the
 * “open skies” agreement), nor when it stands before the speaker of a "speaker said ..."
 * sentence (the reporter's setting, not the statement).
 */
export function isQuotedSpeech(info: ParagraphInfo, span: MarkedSpan, attribution: Attribution): boolean {
  // "At the “open skies” talks, the minister said that ...": words of the setting, well before the
  // speaker; "“Open skies,” the minister said" puts them right before the speaker.
  if (attribution.placement === 'before' && span.close !== null && span.close < attribution.speakerStart) {
    const gap = info.text.slice(span.close + 1, attribution.speakerStart).replace(/[\s,]/g, '');
    if (gap !== '') return false;
  }
  const words = info.text.slice(span.start, span.end).match(REGEXPS.words)?.length ?? 0;
  if (words > MAX_NAME_WORDS) return true;
  const before = info.text.slice(Math.max(0, span.open - 20), span.open);
  const after = span.close === null ? '' : info.text.slice(span.close + 1, span.close + 30);
  const next = REGEXPS.wordAfter.exec(after)?.[1]?.toLowerCase();
  const isModifier = REGEXPS.determinerBefore.test(before) && next !== undefined && !NOT_NOUNS.has(next) && !/(?:ly|ed)$/.test(next);
  return !isModifier;
}

/** Whether a quote left open at the end of paragraph `p` continues into the next paragraph. */
export function runsOn(span: MarkedSpan, paragraphs: readonly string[], p: number): boolean {
  return span.close === null && p + 1 < paragraphs.length && opensWithMark(paragraphs[p + 1]!);
}
