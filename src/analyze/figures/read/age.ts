import { isCapitalized } from '../tokens.js';
import type { ReadStep } from './draft.js';

/**
 * Ages are not quantities a fact sheet compares across outlets: `15-year-old`, `15 years old`,
 * `aged 15`, and the appositive age after a name (`Jane Roe, 56, of Leeds`). Kept only with
 * `includeAges`, as `year of age`.
 */
export const readAge: ReadStep = {
  name: 'age',
  read(d, { tokens, sentence, lang, opts }) {
    const numTok = tokens[d.numberAt]!;
    const after = tokens[d.num.end];
    const rest = sentence.slice(after?.start ?? sentence.length);
    const lastUnitWord = tokens[d.end - 1]?.lower;
    const isYearsOld = (lastUnitWord === 'year' || lastUnitWord === 'years' || lastUnitWord === 'month' || lastUnitWord === 'months' || after?.text === '-') && lang.agePattern.test(rest);
    const isAged = lang.ageBefore.has(tokens[d.first - 1]?.lower ?? '');
    const prev = tokens[d.first - 1];
    const isAppositive =
      numTok.isDigits && !d.prefix && d.num.end === d.numberAt + 1 && prev?.text === ',' && isCapitalized(tokens[d.first - 2]) &&
      (after === undefined || after.text === ',' || after.text === '.' || after.text === ')') && (d.num.value ?? 0) < 120 && Number.isInteger(d.num.value);
    if (!isYearsOld && !isAged && !isAppositive) return true;
    if (!opts.includeAges) return false;
    const m = lang.agePattern.exec(rest);
    const ageEnd = m ? (after?.start ?? 0) + m.index + m[0].length : numTok.end;
    d.age = { unit: m && /month/i.test(m[0]) ? 'month of age' : 'year of age', ageEnd };
    return true;
  },
};
