import type { ReadStep } from './draft.js';

/** Most words in a qualifier (`in the region of`). */
const MAX_QUALIFIER_TOKENS = 4;

/** The qualifier written right before token `before` (`at least`, `nearly`), longest first. */
export function matchQualifier(
  tokens: ReadonlyArray<{ readonly lower: string; readonly isWord: boolean }>,
  before: number,
  qualifiers: ReadonlyMap<string, import('../lang/index.js').Bound>,
): { text: string; bound: import('../lang/index.js').Bound; start: number } | null {
  for (let n = MAX_QUALIFIER_TOKENS; n >= 1; n--) {
    const start = before - n;
    if (start < 0) continue;
    const seq = tokens.slice(start, before);
    if (seq.some((t) => !t.isWord)) continue;
    const key = seq.map((t) => t.lower).join(' ');
    const bound = qualifiers.get(key);
    if (bound) return { text: key, bound, start };
  }
  return null;
}

/** A hedge or bound before the number or its currency sign: `at least 18`, `nearly $30`. */
export const readQualifier: ReadStep = {
  name: 'qualifier',
  read(d, ctx) {
    d.qualifier = matchQualifier(ctx.tokens, d.first, ctx.lang.qualifiers);
    return true;
  },
};
