import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize.js';
import { shingleText } from './shingle.js';

describe('normalizeText', () => {
  it.each([
    ['The U.S.-brokered “deal”', 'the us brokered deal'],
    ['US-brokered "deal"', 'us brokered deal'],
    ['don’t  stop', 'dont stop'],
    ['10,000 troops; $2.15 billion', '10000 troops 215 billion'],
    ['ﬁne Ｐａｒｉｓ', 'fine paris'],
    ['Zelenskyy — Kyiv', 'zelenskyy kyiv'],
    ['  ', ''],
    ['Ünïcode Straße', 'ünïcode straße'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('tokenize splits normalised words', () => {
    expect(tokenize('Mr. Macron said: “No.”')).toEqual(['mr', 'macron', 'said', 'no']);
    expect(tokenize('')).toEqual([]);
  });

  it('the text hash sees through editorial variants', () => {
    expect(shingleText('The U.S. deal — “10,000” troops').textHash).toBe(shingleText('the US deal: "10000" troops').textHash);
    expect(shingleText('the US deal').textHash).not.toBe(shingleText('the UK deal').textHash);
  });
});

describe('shingleSet of a long text', () => {
  it('is sorted and duplicate-free beyond the bucket sort (the native sort takes over), the same set as a reference', () => {
    // 60,000 words of 3,000 distinct ones: far more shingles than the bucket sort is used for.
    const words: string[] = [];
    let state = 12345;
    for (let i = 0; i < 60_000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      words.push(`w${state % 3000}`);
    }
    const { shingles } = shingleText(words.join(' '));
    for (let i = 1; i < shingles.length; i++) expect(shingles[i]! > shingles[i - 1]!).toBe(true);
    // Each shingle of a short part of the text is in the whole text's set.
    const part = shingleText(words.slice(1000, 1400).join(' ')).shingles;
    const whole = new Set(shingles);
    expect([...part].every((h) => whole.has(h))).toBe(true);
    expect(shingles.length).toBeGreaterThan(50_000);
  });
});
