import { isCapitalized } from '../tokens.js';
import { matchUnitAfter } from '../units.js';
import type { ReadStep } from './draft.js';

/**
 * Bare digits that are not quantities: parts of identifiers (`A4`, `B-52`), ordinals (`27th`),
 * clock times (`11:40`, `9 pm`), dates (`Oct. 14`, `14 October`), fractions of a date (`3/4`),
 * numbers after a number sign (`#3`, `No 10`).
 */
export const rejectNonQuantity: ReadStep = {
  name: 'not-a-quantity',
  read(d, { tokens, lang }) {
    const numTok = tokens[d.numberAt]!;
    if (!numTok.isDigits || d.prefix) return true;
    const i = d.first;
    const prev = tokens[i - 1];
    const next = tokens[d.num.end];
    const afterNext = tokens[d.num.end + 1];
    if (numTok.glued && prev?.isWord) return false;
    // Codes and model names: "200LR", "777-200LR" (a glued word that is no unit or scale).
    if (next && next.glued && next.isWord && !matchUnitAfter(tokens, d.num.end, lang) && !lang.ordinalSuffixes.has(next.lower)) return false;
    if (next?.text === '-' && next.glued && afterNext?.isDigits && afterNext.glued && tokens[d.num.end + 2]?.glued && tokens[d.num.end + 2]?.isWord) return false;
    if (prev?.text === '-' && prev.glued && numTok.glued && isCapitalized(tokens[i - 2])) return false;
    if (next && next.glued && lang.ordinalSuffixes.has(next.lower)) return false;
    if (next && (next.text === ':' || next.text === '/') && next.glued && afterNext?.isDigits) return false;
    if (prev && (prev.text === ':' || prev.text === '/' || prev.text === '#') && prev.glued) return false;
    if (next && lang.timeSuffixes.has(next.lower)) return false;
    // "9 a.m."
    if (next && next.text.length === 1 && afterNext?.text === '.' && lang.timeSuffixes.has(`${next.lower}${tokens[d.num.end + 2]?.lower ?? ''}`)) return false;
    if ((prev && lang.months.has(prev.lower)) || (prev?.text === '.' && lang.months.has(tokens[i - 2]?.lower ?? ''))) return false;
    if (next && lang.months.has(next.lower) && !(lang.ambiguousMonths.has(next.lower) && next.text === next.lower)) return false;
    if (lang.of.has(next?.lower ?? '') && lang.months.has(afterNext?.lower ?? '')) return false;
    if (prev?.text === lang.numberSign || (prev?.text === '.' && tokens[i - 2]?.text === lang.numberSign)) return false;
    return true;
  },
};
