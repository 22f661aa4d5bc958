import type { Attribution } from './attribution.js';
import { opensWithMark, type MarkedSpan } from './marks.js';
import type { ParagraphInfo } from './paragraph.js';
import type { SentenceSpan } from './sentences.js';

/** Longest quoted noun phrase read as a name or title rather than as words someone said. */
const MAX_NAME_WORDS = 4;

const REGEXPS = {
  letterOrDigit: /[\p{L}\p{N}]/u,
  wordAfter: /^\s*([\p{Ll}][\p{L}-]*)/u,
  words: /\S+/g,
};

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
  // Words after a quoted phrase used as a modifier or name ("the “fair deal” plan") are nouns.
  const isModifier = info.lang.determinerBeforeRe.test(before) && next !== undefined && !info.lang.notNouns.has(next) && !(info.lang.code === 'en' && /(?:ly|ed)$/.test(next));
  return !isModifier;
}

// A closing mark, then a dash and a name: `“…” — Ana Ruiz`, the credit line of a quote.
const DASH_CREDIT = /^[\s,.!?;:]*["”»“]?\s*[―—–]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})/u;

/**
 * The name credited after a quote with a dash (`“We will win.” — Ana Ruiz`), as an attribution
 * with the dash for its cue, or null.
 */
export function dashCredit(info: ParagraphInfo, quoteEnd: number): Attribution | null {
  const m = DASH_CREDIT.exec(info.text.slice(quoteEnd));
  if (m === null) return null;
  const speakerStart = quoteEnd + m[0].length - m[1]!.length;
  const dashAt = quoteEnd + m[0].search(/[―—–]/);
  return { cue: info.text[dashAt]!, cueStart: dashAt, cueEnd: dashAt + 1, speakerStart, speakerEnd: quoteEnd + m[0].length, placement: 'after', channel: null };
}

/** Whether a quote left open at the end of paragraph `p` continues into the next paragraph. */
export function runsOn(span: MarkedSpan, paragraphs: readonly string[], p: number, info: ParagraphInfo): boolean {
  return span.close === null && p + 1 < paragraphs.length && opensWithMark(paragraphs[p + 1]!, info.lang.marks);
}
