import type { Bound, FigureLanguage } from '../lang/index.js';
import type { ReadStep } from './draft.js';

/** Most words in a qualifier (`in the region of`). */
const MAX_QUALIFIER_TOKENS = 4;

/** The qualifier written right before token `before` (`at least`, `nearly`), longest first. */
export function matchQualifier(
  tokens: ReadonlyArray<{ readonly lower: string; readonly isWord: boolean }>,
  before: number,
  lang: Pick<FigureLanguage, 'qualifiers' | 'determiners' | 'contractions'>,
): { text: string; bound: Bound; start: number } | null {
  // "casi el 30 %": an article may stand between the hedge and its number.
  const ends = lang.determiners.has(tokens[before - 1]?.lower ?? '') ? [before, before - 1] : [before];
  for (const end of ends) {
    for (let n = MAX_QUALIFIER_TOKENS; n >= 1; n--) {
      const start = end - n;
      if (start < 0) continue;
      const seq = tokens.slice(start, end);
      if (seq.some((t) => !t.isWord)) continue;
      const words = seq.map((t) => t.lower);
      const bound = lang.qualifiers.get(words.join(' '));
      if (bound) return { text: words.join(' '), bound, start };
      // "más del 15 %": a contraction of preposition and article ends the hedge.
      const last = lang.contractions.get(words[words.length - 1]!);
      if (last !== undefined) {
        const contracted = lang.qualifiers.get([...words.slice(0, -1), last].join(' '));
        if (contracted) return { text: words.join(' '), bound: contracted, start };
      }
    }
  }
  return null;
}

/** A hedge or bound before the number or its currency sign: `at least 18`, `nearly $30`. */
export const readQualifier: ReadStep = {
  name: 'qualifier',
  read(d, ctx) {
    d.qualifier = matchQualifier(ctx.tokens, d.first, ctx.lang);
    return true;
  },
};
