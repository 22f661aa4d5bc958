import { readNumber } from '../numbers.js';
import type { Figure } from '../types.js';
import { matchCurrencyPrefix } from '../units.js';
import { readAge } from './age.js';
import { boundsFor, type Bounds } from './bounds.js';
import { readKind } from './classify.js';
import { readAttributive, readCountedNoun } from './counted.js';
import type { Draft, ReadContext, ReadStep } from './draft.js';
import { rejectCalendarYear, rejectNamePart, rejectRelativeTime, rejectUncounted } from './filters.js';
import { rejectNonQuantity } from './not-a-quantity.js';
import { readQualifier } from './qualifier.js';
import { readRange } from './range.js';
import { readPerUnit, readUnit } from './unit.js';

export type { Draft, NounPhrase, ReadContext, ReadStep } from './draft.js';
export { APPROXIMATE_TOLERANCE, boundsFor } from './bounds.js';
export { classify } from './classify.js';
export { matchQualifier } from './qualifier.js';

/**
 * The rules of figure reading, in order (chrono's parsers and refiners): each looks at the figure
 * read so far, adds to it or rejects it. A new rule is a new step in this list.
 */
export const READ_STEPS: readonly ReadStep[] = [
  rejectNonQuantity,
  readQualifier,
  readUnit,
  readRange,
  readPerUnit,
  rejectRelativeTime,
  readAge,
  readAttributive,
  readCountedNoun,
  rejectUncounted,
  rejectCalendarYear,
  rejectNamePart,
  readKind,
];

/** A figure read in a sentence, with the token span it covers (used by the sentence refiners). */
export interface ReadFigure {
  figure: Omit<Figure, 'sentence' | 'paragraph' | 'measure'>;
  /** Token index of the figure's first token (qualifier included) and after its last. */
  tokenStart: number;
  tokenEnd: number;
}

/** Tries to read a figure whose number (or currency sign) is token `i`; null when there is none. */
export function readFigureAt(i: number, ctx: ReadContext): ReadFigure | null {
  const { tokens, sentence } = ctx;
  if (!tokens[i]) return null;
  const prefix = matchCurrencyPrefix(tokens, i);
  const numberAt = prefix ? prefix.end : i;
  const num = readNumber(tokens, numberAt, prefix !== null, ctx.lang);
  // "$ two" is unusual: only digits after a currency sign.
  if (!num || !tokens[numberAt] || (prefix && num.spelled && !num.vague)) return null;
  const draft: Draft = {
    first: i, numberAt, prefix, num, qualifier: null, end: num.end, unitEntry: null, unitName: null, unitAfterFirst: null,
    low: null, high: null, isRange: false, opener: null, noun: null, attributive: false, age: null, kind: null, role: null, unit: '',
  };
  for (const step of READ_STEPS) if (!step.read(draft, ctx)) return null;

  const startTok = draft.qualifier && !draft.isRange ? tokens[draft.qualifier.start]! : draft.opener ? tokens[i - 1]! : tokens[i];
  const textStart = startTok.start;
  let textEnd = tokens[draft.end - 1]?.end ?? tokens[numberAt].end;
  let tokenEnd = draft.end;
  if (draft.age) {
    textEnd = draft.age.ageEnd;
    const after = tokens.findIndex((t) => t.start >= textEnd);
    tokenEnd = Math.max(num.end, after < 0 ? tokens.length : after);
  }
  const figure: ReadFigure['figure'] = {
    value: draft.isRange || num.vague ? null : num.value,
    ...boundsOf(draft),
    qualifier: draft.qualifier?.text ?? (draft.opener === 'between' && draft.isRange ? 'between' : null),
    unit: draft.unit,
    noun: draft.noun ? sentence.slice(draft.noun.words[0]?.start ?? 0, draft.noun.head.end) : null,
    kind: draft.kind ?? 'number',
    role: draft.role,
    attributive: draft.attributive,
    text: sentence.slice(textStart, textEnd),
    offset: textStart,
  };
  if (draft.unitEntry?.currency) figure.currency = draft.unitEntry.currency;
  return { figure, tokenStart: draft.qualifier && !draft.isRange ? draft.qualifier.start : draft.opener ? i - 1 : i, tokenEnd };
}

function boundsOf(d: Draft): Bounds {
  const value = d.num.value ?? 0;
  if (d.num.vague && d.low !== null && d.high !== null) {
    const vague: Bounds = { low: d.low, high: d.high, lowInclusive: true, highInclusive: true, approximate: true };
    const isLower = d.qualifier && (d.qualifier.bound === 'lower-incl' || d.qualifier.bound === 'lower-excl');
    return isLower ? { ...vague, high: null, highInclusive: false } : vague;
  }
  if (d.isRange && d.low !== null && d.high !== null) {
    return { low: d.low, high: d.high, lowInclusive: true, highInclusive: true, approximate: d.qualifier?.bound === 'about' };
  }
  return boundsFor(d.qualifier?.bound ?? null, value);
}
