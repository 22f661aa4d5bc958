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
