import { findAttribution, MASK_CHAR, type Attribution } from './attribution.js';
import type { QuoteLanguage } from './lang.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { splitSentences, type SentenceSpan } from './sentences.js';

/** Stands in for a period that ends an abbreviation (`Mr.`, `U.S.`), so it ends no phrase. */
export const ABBREVIATION_DOT = '\uE001';

/** One paragraph as the quote finder reads it. */
export interface ParagraphInfo {
  readonly text: string;
  /**
   * The text with quoted words masked ({@link MASK_CHAR}), periods of abbreviations replaced
   * ({@link ABBREVIATION_DOT}) and short bracketed asides blanked (`(R-Texas)`), offsets unchanged:
   * attribution patterns see only the reporter's own words.
   */
  readonly masked: string;
  readonly spans: readonly MarkedSpan[];
  readonly sentences: readonly SentenceSpan[];
  readonly attributions: ReadonlyArray<Attribution | null>;
  readonly lang: QuoteLanguage;
}

const REGEXPS = {
  // A short aside in brackets: a party and state tag, an age, an acronym.
  aside: /\([^()\uE000"“”«»„]{1,30}\)/g,
};

function maskParagraph(text: string, spans: readonly MarkedSpan[], lang: QuoteLanguage): string {
  let masked = text;
  for (const s of spans) masked = masked.slice(0, s.start) + MASK_CHAR.repeat(s.end - s.start) + masked.slice(s.end);
  // "Mr.", "Sen.", dotted acronyms ("U.S.", "D-N.Y."), initials ("J. Smith"): periods that end no phrase.
  masked = masked.replace(lang.abbreviationRe, (m) => m.replaceAll('.', ABBREVIATION_DOT));
  return masked.replace(REGEXPS.aside, (m) => ' '.repeat(m.length));
}

/** Finds a paragraph's quoted stretches, sentences and each sentence's attribution. */
export function analyseParagraph(text: string, lang: QuoteLanguage): ParagraphInfo {
  const spans = findMarkedSpans(text, lang.marks);
  const masked = maskParagraph(text, spans, lang);
  const sentences = splitSentences(text, spans, lang);
  return { text, masked, spans, sentences, attributions: sentences.map((s) => findAttribution(masked, s, spans, lang)), lang };
}
