import { matchPer, matchUnitAfter } from '../units.js';
import type { ReadStep } from './draft.js';

/** The unit right after the number: `20 %`, `2 billion euros`, `256GB`, `5 km`. */
export const readUnit: ReadStep = {
  name: 'unit',
  read(d, { tokens, lang }) {
    d.unitEntry = d.prefix?.entry ?? null;
    let after = matchUnitAfter(tokens, d.end, lang);
    // "500 millones de dólares", "des milliers d'euros": the unit after "of" a scale or a vague number.
    if (!after && (d.num.scaled || d.num.vague) && lang.of.has(tokens[d.end]?.lower ?? '')) {
      const ofUnit = matchUnitAfter(tokens, d.end + 1, lang);
      if (ofUnit && (ofUnit.entry.currency || !d.num.vague)) after = ofUnit;
    }
    // "$5 million dollars" reads the currency once.
    if (after && d.prefix && after.entry.currency) after = null;
    d.unitAfterFirst = after?.entry ?? null;
    if (after && !d.unitEntry) {
      d.unitEntry = after.entry;
      d.end = after.end;
    }
    return true;
  },
};

/** Compound units: `$80 per barrel`, `30 km per hour`, `12 euros a day`. */
export const readPerUnit: ReadStep = {
  name: 'per-unit',
  read(d, { tokens, lang }) {
    d.unitName = d.unitEntry?.unit ?? null;
    if (!d.unitEntry) return true;
    const per = matchPer(tokens, d.end, lang);
    if (per) {
      d.unitName = `${d.unitName} per ${per.unit}`;
      d.end = per.end;
    }
    return true;
  },
};
