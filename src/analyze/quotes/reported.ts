import type { Attribution } from './attribution.js';
import type { ParagraphInfo } from './paragraph.js';
import type { SentenceSpan } from './sentences.js';
import type { QuoteKind } from './types.js';

/** Fewest words for reporter's text to count as an unmarked or indirect quote. */
export const MIN_CONTENT_WORDS = 4;
/** Most words after a trailing cue ("..., she said in a radio interview on Sunday") for an unmarked quote. */
const MAX_TRAILING_WORDS = 16;
/** How far after the cue "that" may come ("told the council at its meeting that"). */
const MAX_WORDS_BEFORE_THAT = 14;

const REGEXPS = {
  words: /\S+/g,
};

export function wordCount(text: string): number {
  return text.match(REGEXPS.words)?.length ?? 0;
}

export function trimEdges(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * The unmarked or indirect quote an attribution introduces in a sentence without quotation marks:
 * "..., the minister said." is `unmarked` (a stripped quote, stretched back over earlier
 * first-person sentences of the paragraph); "The minister said (on Friday) (that) ..." is `indirect`.
 */
export function reportedSpeech(
  info: ParagraphInfo,
  sentenceIndex: number,
  attribution: Attribution,
): { kind: QuoteKind; start: number; end: number } | null {
  const sentence = info.sentences[sentenceIndex]!;
  const found = reportedIn(info, sentence, attribution);
  if (found === null || found.kind !== 'unmarked') return found;
  let start = found.start;
  for (let k = sentenceIndex - 1; k >= 0; k--) {
    const earlier = info.sentences[k]!;
    const text = info.text.slice(earlier.start, earlier.end);
    const isUnattributed = info.attributions[k] === null && !info.spans.some((s) => s.open >= earlier.start && s.open < earlier.end);
    if (!isUnattributed || info.lang.firstPersonRe === null || !info.lang.firstPersonRe.test(text)) break;
    start = earlier.start;
  }
  return { ...found, start };
}

function reportedIn(info: ParagraphInfo, sentence: SentenceSpan, attribution: Attribution): { kind: QuoteKind; start: number; end: number } | null {
  const { masked, text, lang } = info;
  const leadEnd = attribution.placement === 'before' ? attribution.speakerStart : attribution.cueStart;
  const lead = masked.slice(sentence.start, leadEnd).trimEnd();
  const trailing = masked.slice(attribution.cueEnd, sentence.end);
  // "..., she said." / "..., said the minister." / "..., according to officials."
  const isTrailingCue = lang.afterTrailingCueRe.test(trailing) && !lang.thatRe.test(trailing) && wordCount(trailing) <= MAX_TRAILING_WORDS;
  if (lead.endsWith(',') && isTrailingCue) {
    const [start, end] = trimEdges(text, sentence.start, sentence.start + lead.length - 1);
    if (wordCount(text.slice(start, end)) >= MIN_CONTENT_WORDS) return { kind: 'unmarked', start, end };
    return null;
  }
  if (attribution.placement !== 'before' || !lang.clauseCues.has(attribution.cue)) return null;
  // "X said (on Friday) (that) ...": the content runs from "that", or right after the cue.
  let start = attribution.cueEnd;
  const that = lang.thatRe.exec(trailing);
  // "said the captain had ... and that conditions were ...": a second clause joined to the first
  // starts there; the content starts right after the cue.
  const isJoinedClause = that !== null && lang.joinedClauseRe.test(trailing.slice(0, that.index));
  if (that !== null && !isJoinedClause && wordCount(trailing.slice(0, that.index)) <= MAX_WORDS_BEFORE_THAT) {
    start = attribution.cueEnd + that.index + that[0].length;
  } else if (lang.prepositionAfterCueRe.test(trailing)) {
    return null;
  }
  let end = sentence.end;
  while (end > start && /[\s.!?"”»“]/.test(text[end - 1]!)) end--;
  const [s, e] = trimEdges(text, start, end);
  return wordCount(text.slice(s, e)) >= MIN_CONTENT_WORDS ? { kind: 'indirect', start: s, end: e } : null;
}
