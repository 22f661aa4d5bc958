import { isCapitalized } from '../tokens.js';
import { TIME_UNITS as TIME_UNIT_NAMES } from '../units.js';
import type { ReadStep } from './draft.js';

/**
 * Number words need something counted: `one` alone is a pronoun (`if they launched one`), `no
 * one`, `another one`, `one way or another` are idioms.
 */
export const rejectUncounted: ReadStep = {
  name: 'uncounted-word',
  read(d, { tokens }) {
    if (!d.num.spelled || d.age) return true;
    if (!d.unitName && !d.unitEntry && !d.noun) return false;
    const prev = tokens[d.first - 1];
    if (d.noun && d.num.value === 1 && (prev?.lower === 'no' || d.noun.head.lower === 'another' || d.noun.head.lower === 'way')) return false;
    return true;
  },
};

/** Calendar years: a bare 4-digit number from 1800 to 2100 with nothing counted after it. */
export const rejectCalendarYear: ReadStep = {
  name: 'calendar-year',
  read(d, { tokens, lang }) {
    const numTok = tokens[d.numberAt]!;
    if (!numTok.isDigits || d.prefix || d.unitEntry || d.unitName || d.age || !/^\d{4}$/.test(numTok.text)) return true;
    const v = d.num.value ?? 0;
    if (v < 1800 || v > 2100) return true;
    const isCountedAfter = d.noun !== null && lang.isPlural(d.noun.head.lower) && d.noun.words.every((w) => !isCapitalized(w));
    if (d.isRange) return isCountedAfter;
    return isCountedAfter && !lang.yearPrepositions.has(tokens[d.first - 1]?.lower ?? '');
  },
};

/** Numbers inside names: `Section 12`, `Apollo 11`, `Route 66` (a capitalised word before, no qualifier). */
export const rejectNamePart: ReadStep = {
  name: 'name-part',
  read(d, { tokens, lang }) {
    const numTok = tokens[d.numberAt]!;
    if (!numTok.isDigits || d.prefix) return true;
    const prev = tokens[d.first - 1];
    // "F-16", "COVID-19"
    if (prev?.text === '-' && prev.glued && numTok.glued && tokens[d.first - 2]?.isWord) return false;
    // "747-400", "A350-900" read backwards: a smaller number after a hyphen is a model code, not a range.
    const value = d.num.value ?? 0;
    const before = tokens[d.first - 2];
    if (!d.qualifier && prev?.text === '-' && prev.glued && numTok.glued && before?.isDigits && (lang.parseDigits(before.text) ?? 0) > value) return false;
    const hyphen = tokens[d.numberAt + 1];
    const after = tokens[d.numberAt + 2];
    if (!d.qualifier && hyphen?.text === '-' && hyphen.glued && after?.glued && after.isDigits && (lang.parseDigits(after.text) ?? Infinity) < value) return false;
    const isNameWord = isCapitalized(prev) && d.first - 1 > 0 && !lang.isStopword(prev!.lower);
    return !(isNameWord && !d.qualifier && !d.unitEntry && !d.unitName);
  },
};

/** `two years ago`, `three days later`, `in two weeks`: a duration before these words dates something; it is not a quantity. */
export const rejectRelativeTime: ReadStep = {
  name: 'relative-time',
  read(d, { tokens, lang }) {
    if (!d.unitName || !TIME_UNIT_NAMES.has(d.unitName)) return true;
    // "in two weeks" (from now) is a date too; "in two weeks of talks" a duration.
    const isFromNow = lang.relativeTimeBefore.has(tokens[(d.qualifier?.start ?? d.first) - 1]?.lower ?? '') && !lang.of.has(tokens[d.end]?.lower ?? '');
    return !isFromNow && !lang.relativeTimeAfter.has(tokens[d.end]?.lower ?? '');
  },
};
