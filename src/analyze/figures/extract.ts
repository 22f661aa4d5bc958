import { figureLanguage } from './lang/index.js';
import { readFigureAt, type ReadContext, type ReadFigure } from './read/index.js';
import { measureOf, SENTENCE_REFINERS } from './refine/index.js';
import { passagesOf } from '../text.js';
import { tokenize } from './tokens.js';
import type { ExtractFiguresOptions, Figure } from './types.js';

export { APPROXIMATE_TOLERANCE } from './read/index.js';

/** Languages that group thousands with a plain space ("1 000 000 d'euros"). */
const SPACED_THOUSANDS: ReadonlySet<string> = new Set(['fr']);

/**
 * Extracts every quantity from an article's paragraphs, with what it measures. Per sentence:
 *  1. read a figure at each token where one starts ({@link READ_STEPS}: number, qualifier, unit,
 *     range, age, counted noun, kind; dates, ordinals and parts of names rejected);
 *  2. refine the sentence's figures together ({@link SENTENCE_REFINERS}: bracketed conversions,
 *     shared units and nouns, shared roles);
 *  3. read each figure's measure: counted thing, predicate, whom or where, when, caption.
 * An article in a language without figure words gives no figures. Pure and deterministic.
 */
export function extractFigures(paragraphs: readonly string[], opts: ExtractFiguresOptions = {}): Figure[] {
  const lang = figureLanguage(opts.language);
  if (lang === null) return [];
  const out: Figure[] = [];
  paragraphs.forEach((paragraph, p) => {
    // The timeline's passages (a quote of several sentences is one), so that dates match.
    for (const { text: sentence } of passagesOf(paragraph, opts.language)) {
      const tokens = tokenize(sentence, SPACED_THOUSANDS.has(lang.code));
      const ctx: ReadContext = { tokens, sentence, lang, opts };
      let read: ReadFigure[] = [];
      let i = 0;
      while (i < tokens.length) {
        const found = readFigureAt(i, ctx);
        if (!found) {
          i += 1;
          continue;
        }
        read.push(found);
        i = Math.max(found.tokenEnd, i + 1);
      }
      if (read.length === 0) continue;
      for (const refiner of SENTENCE_REFINERS) read = refiner.refine(read, { tokens, sentence, lang });
      const dates = (opts.dates ?? []).filter((d) => d.paragraph === p && d.sentence === sentence);
      read.forEach((r, k) => {
        out.push({ ...r.figure, sentence, paragraph: p, measure: measureOf(k, read, tokens, sentence, lang, dates) });
      });
    }
  });
  return out;
}
