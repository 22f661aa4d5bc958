import type { SentenceRefiner } from './refiner.js';

/** A bracketed conversion belongs to the amount before it: `5 million euros ($5.4 million)`. */
export const attachConversion: SentenceRefiner = {
  name: 'conversion',
  refine(figures, { tokens }) {
    const out = [];
    for (let k = 0; k < figures.length; k++) {
      const base = figures[k]!;
      const conv = figures[k + 1];
      const opens = tokens[base.tokenEnd]?.text === '(';
      const isInside = conv !== undefined && conv.tokenStart === base.tokenEnd + 1 && tokens[conv.tokenEnd]?.text === ')';
      const value = conv?.figure.value ?? conv?.figure.low ?? null;
      if (opens && isInside && base.figure.currency && conv.figure.currency && conv.figure.currency !== base.figure.currency && value !== null) {
        base.figure.conversion = { value, currency: conv.figure.currency };
        // The figure now spans its conversion: what it is of is read after the bracket.
        base.tokenEnd = conv.tokenEnd + 1;
        out.push(base);
        k += 1;
        continue;
      }
      out.push(base);
    }
    return out;
  },
};
