/** Reading numbers written in words: `three`, `twenty-one`, `a dozen`, `three dozen`, `hundreds`. */

export const UNITS_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers inside a spelled number. */
export const MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ['dozen', 12], ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);

/** Fractions usable after a count or `a`: `a third`, `two thirds`, `a quarter`, `a half`. */
export const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2], ['halves', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
]);

/**
 * Vague plurals as bounds: "dozens" means at least two dozen and fewer than a hundred.
 * The lower bound is two of the unit (the plural), the upper bound is just below the next order.
 */
export const VAGUE_PLURALS: ReadonlyMap<string, { low: number; high: number }> = new Map([
  ['dozens', { low: 24, high: 99 }],
  ['scores', { low: 40, high: 99 }],
  ['hundreds', { low: 200, high: 999 }],
  ['thousands', { low: 2_000, high: 9_999 }],
  ['millions', { low: 2e6, high: 999_999_999 }],
  ['billions', { low: 2e9, high: 999_999_999_999 }],
]);

/** `tens of thousands`, `hundreds of thousands`: the vague plural scaled by the second word. */
export const VAGUE_SCALES: ReadonlyMap<string, number> = new Map([
  ['tens', 10], ['dozens', 12], ['hundreds', 100],
]);

/** True when the word is part of a spelled number. */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return UNITS_WORDS.has(w) || TENS_WORDS.has(w) || MULTIPLIER_WORDS.has(w);
}

/**
 * Value of a sequence of number words (`twenty one`, `three hundred fifty`, `two million`), or
 * null when the words do not form a number. `and` between parts is allowed by the caller.
 */
export function wordsToNumber(words: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    const unit = UNITS_WORDS.get(w) ?? TENS_WORDS.get(w);
    if (unit !== undefined) {
      current += unit;
      seen = true;
      continue;
    }
    const mult = MULTIPLIER_WORDS.get(w);
    if (mult === undefined) return null;
    if (!seen && current === 0) current = 1;
    if (mult >= 1000) {
      total += current * mult;
      current = 0;
    } else {
      current *= mult;
    }
    seen = true;
  }
  return seen ? total + current : null;
}
