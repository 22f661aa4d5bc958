import { findAttribution, MASK_CHAR, type Attribution } from './attribution.js';
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
}

const REGEXPS = {
  // "Mr.", "Dr.", "Sen.", dotted acronyms ("U.S.", "D-N.Y."), initials ("J. Smith")
  abbreviation: /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Cmdr|Rev|Hon|Jr|Sr|St|Mt|Ft|Supt|Pres)\.|\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z])/g,
  // A short aside in brackets: a party and state tag, an age, an acronym.
  aside: /\([^()\uE000"“”]{1,30}\)/g,
};

function maskParagraph(text: string, spans: readonly MarkedSpan[]): string {
  let masked = text;
  for (const s of spans) masked = masked.slice(0, s.start) + MASK_CHAR.repeat(s.end - s.start) + masked.slice(s.end);
  masked = masked.replace(REGEXPS.abbreviation, (m) => m.replaceAll('.', ABBREVIATION_DOT));
  return masked.replace(REGEXPS.aside, (m) => ' '.repeat(m.length));
}

/** Finds a paragraph's quoted stretches, sentences and each sentence's attribution. */
export function analyseParagraph(text: string): ParagraphInfo {
  const spans = findMarkedSpans(text);
  const masked = maskParagraph(text, spans);
  const sentences = splitSentences(text, spans);
  return { text, masked, spans, sentences, attributions: sentences.map((s) => findAttribution(masked, s, spans)) };
}
