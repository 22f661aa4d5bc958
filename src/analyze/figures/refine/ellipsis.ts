import { classify } from '../read/index.js';
import { between, type SentenceRefiner } from './refiner.js';

/** Longest stretch (characters) between two figures that still share one counted noun or verb. */
const MAX_GAP_CHARS = 80;
const LIST_SEPARATOR = /^\s*(?:or|to|and|-|–)\s*$/;

/** `eight or nine euros`, `one to two years`: a bare number takes the unit of the next one. */
export const shareUnitBackwards: SentenceRefiner = {
  name: 'share-unit-backwards',
  refine(figures, { sentence }) {
    for (let k = 1; k < figures.length; k++) {
      const prev = figures[k - 1]!.figure;
      const fig = figures[k]!.figure;
      if (prev.unit !== '' || fig.unit === '' || !LIST_SEPARATOR.test(between(figures[k - 1]!, figures[k]!, sentence))) continue;
      prev.unit = fig.unit;
      prev.noun = fig.noun;
      prev.kind = fig.kind;
      prev.role = fig.role;
      if (fig.currency) prev.currency = fig.currency;
    }
    return figures;
  },
};

/**
 * `killed 3 people and injured 12`: a bare number joined by `and` or a comma to a count of people
 * (or of anything) counts the same noun; its own role word, when it has one, says what happened.
 */
export const shareNounForwards: SentenceRefiner = {
  name: 'share-noun-forwards',
  refine(figures, { sentence, tokens, lang }) {
    for (let k = 1; k < figures.length; k++) {
      const prev = figures[k - 1]!.figure;
      const cur = figures[k]!;
      const fig = cur.figure;
      if (fig.kind !== 'number' || prev.noun === null || prev.attributive) continue;
      const gap = between(figures[k - 1]!, cur, sentence);
      if (gap.length > MAX_GAP_CHARS || /[;:]/.test(gap) || !/\band\b|,/.test(gap)) continue;
      const head = lang.singularize(prev.noun.split(/\s+/).pop() ?? '');
      const c = classify(null, undefined, head, tokens, [cur.tokenStart, cur.tokenEnd], lang);
      fig.unit = c.unit;
      fig.kind = c.role === null && prev.role !== null ? prev.kind : c.kind;
      fig.role = c.role ?? prev.role;
    }
    return figures;
  },
};

/**
 * `wounded at least 9 people in one town and four in another`: a count of people joined
 * by `and` to a count with a role shares that role, unless a role word of its own stands between.
 */
export const inheritRole: SentenceRefiner = {
  name: 'inherit-role',
  refine(figures, { sentence, lang }) {
    for (let k = 1; k < figures.length; k++) {
      const prev = figures[k - 1]!.figure;
      const fig = figures[k]!.figure;
      if (fig.kind !== 'people' || prev.role === null || prev.unit !== fig.unit) continue;
      const gap = between(figures[k - 1]!, figures[k]!, sentence);
      if (gap.length > MAX_GAP_CHARS || !/\band\b|,/.test(gap) || /[;:]/.test(gap)) continue;
      if (gap.toLowerCase().split(/[^\p{L}]+/u).some((w) => lang.roleWords.has(w))) continue;
      fig.kind = prev.kind;
      fig.role = prev.role;
    }
    return figures;
  },
};
