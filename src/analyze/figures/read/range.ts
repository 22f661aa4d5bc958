import { readNumber } from '../numbers.js';
import { matchCurrencyPrefix, matchUnitAfter } from '../units.js';
import type { ReadStep } from './draft.js';

/**
 * Ranges are one value: `10,000 to 30,000`, `10-20`, `between 10 and 20`, `from 4 km to 6 km`,
 * `20 to 25 percent` (the unit of the second end applies to the first). `rose from 10 to 20`
 * is a change, not a range.
 */
export const readRange: ReadStep = {
  name: 'range',
  read(d, { tokens, lang }) {
    d.low = d.num.low ?? d.num.value;
    d.high = d.num.high ?? d.num.value;
    const before = tokens[d.first - 1]?.lower;
    const beforeQualifier = tokens[(d.qualifier?.start ?? 0) - 1]?.lower;
    const isBetween = lang.rangeBetween.has(before ?? '');
    const isFrom = lang.rangeFrom.has(before ?? '') || (d.qualifier !== null && d.qualifier.bound === 'upper-incl' && lang.rangeFrom.has(beforeQualifier ?? ''));
    const sep = tokens[d.end];
    const numTok = tokens[d.numberAt]!;
    if (d.num.value === null || !sep) return true;
    const isDash = sep.text === '-' || sep.text === '–';
    const isTo = lang.rangeTo.has(sep.lower);
    if (!isDash && !isTo && !(isBetween && lang.rangeAnd.has(sep.lower))) return true;
    let k = d.end + 1;
    const p2 = matchCurrencyPrefix(tokens, k);
    if (p2) k = p2.end;
    const n2 = readNumber(tokens, k, !!p2 || !!d.prefix, lang);
    if (!n2 || n2.value === null) return true;
    let v1 = d.num.value;
    // "10 to 20 million": the scale of the second end applies to the first.
    if (n2.scaled && !d.num.scaled) v1 *= lang.scales.get(tokens[n2.end - 1]?.lower ?? '') ?? 1;
    const from = d.qualifier?.start ?? d.first;
    const isChange = tokens.slice(Math.max(0, from - 3), from).some((t) => lang.changeWords.has(t.lower));
    const unit2 = matchUnitAfter(tokens, n2.end, lang);
    const isSameUnit = !d.unitAfterFirst || (unit2 !== null && unit2.entry.unit === d.unitAfterFirst.unit) || (!!d.prefix && !!p2);
    const isValidSeparator = isTo ? isSameUnit && !isChange : isDash ? numTok.isDigits : isBetween;
    // "... to 20" at the very end of a sentence is usually a score or a change.
    const isClosed = !isTo || isBetween || isFrom || tokens[n2.end] !== undefined;
    if (!isValidSeparator || n2.value <= v1 || !isClosed) return true;
    d.low = v1;
    d.high = n2.value;
    d.isRange = true;
    d.end = n2.end;
    d.opener = isBetween ? 'between' : isFrom ? 'from' : null;
    const u2 = matchUnitAfter(tokens, d.end, lang);
    if (u2 && !(d.unitEntry?.currency && u2.entry.currency) && (!d.unitEntry || u2.entry.unit === d.unitEntry.unit)) {
      d.unitEntry = u2.entry;
      d.end = u2.end;
    }
    if (!d.unitEntry && p2) d.unitEntry = p2.entry;
    return true;
  },
};
