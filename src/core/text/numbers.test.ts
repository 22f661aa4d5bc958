import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers.js';

describe('parseNumber', () => {
  it.each([
    ['1.600', 'es', 1600], ['1.600', 'de', 1600], ['1.600', 'it', 1600], ['1.600', 'nl', 1600], ['1.600', 'pt', 1600],
    ['1.600', 'en', 1.6], ['1,600', 'en', 1600], ['2,15', 'de', 2.15], ['2,15', 'es', 2.15], ['1.234.567,89', 'de', 1234567.89],
    ['1,234,567.89', 'en', 1234567.89], ['0,600', 'de', 0.6], ['1600', 'es', 1600], ['1600,5', 'es', 1600.5],
  ] as const)('reads %s in %s as %d', (text, language, value) => {
    expect(parseNumber(text, language)).toEqual({ value, readings: [value], isPercent: false, scale: 1 });
  });

  it('reads groups of thousands separated by ordinary, no-break, narrow no-break and thin spaces', () => {
    for (const space of [' ', '\u00a0', '\u202f', '\u2009']) {
      expect(parseNumber(`1${space}000${space}000`, 'fr')?.value).toBe(1_000_000);
      expect(parseNumber(`1${space}000${space}000`, 'en')?.value).toBe(1_000_000);
      expect(parseNumber(`1${space}000${space}000`, null)?.value).toBe(1_000_000);
    }
    expect(parseNumber('12 345,67', 'fr')?.value).toBe(12345.67);
    // A space before fewer or more than three digits is no group separator: two numbers, not one.
    expect(parseNumber('12 34', 'fr')).toBeNull();
  });

  it('reads per cent with or without a space, and per-cent words', () => {
    expect(parseNumber('12,5 %', 'fr')).toEqual({ value: 12.5, readings: [12.5], isPercent: true, scale: 1 });
    expect(parseNumber('12,5%', 'de')?.isPercent).toBe(true);
    expect(parseNumber('12,5\u00a0%', 'es')?.value).toBe(12.5);
    expect(parseNumber('3 Prozent', 'de')?.isPercent).toBe(true);
    expect(parseNumber('3 per cent', 'en')?.isPercent).toBe(true);
    expect(parseNumber('3 por ciento', 'es')?.isPercent).toBe(true);
  });

  it('reads scale words of the language, long scale where the language is long-scale', () => {
    expect(parseNumber('1.600 millones', 'es')?.value).toBe(1.6e9);
    expect(parseNumber('1 billón', 'es')?.value).toBe(1e12);
    expect(parseNumber('1 billion', 'en')?.value).toBe(1e9);
    expect(parseNumber('1 Billion', 'de')?.value).toBe(1e12);
    expect(parseNumber('1 milliard', 'fr')?.value).toBe(1e9);
    expect(parseNumber('2,15 Mrd.', 'de')).toEqual({ value: 2.15e9, readings: [2.15e9], isPercent: false, scale: 1e9 });
    expect(parseNumber('40 miliardi', 'it')?.value).toBe(4e10);
    expect(parseNumber('7 mln', 'nl')?.value).toBe(7e6);
    expect(parseNumber('3 bilhões', 'pt')?.value).toBe(3e9);
    // A word that is no scale word of the language: not one number.
    expect(parseNumber('3 millones', 'en')).toBeNull();
    expect(parseNumber('3 people', 'en')).toBeNull();
  });

  it('reads short scales only when asked (after a currency) and glued to the number', () => {
    expect(parseNumber('5m', 'en')).toBeNull();
    expect(parseNumber('5m', 'en', { shortScales: true })?.value).toBe(5e6);
    expect(parseNumber('5 m', 'en', { shortScales: true })).toBeNull();
    expect(parseNumber('10k', 'en', { shortScales: true })?.value).toBe(1e4);
  });

  it('says "unsure" when a number reads two ways and the language does not decide', () => {
    expect(parseNumber('1.600', null)).toEqual({ value: null, readings: [1.6, 1600], isPercent: false, scale: 1 });
    expect(parseNumber('1,600', null)).toEqual({ value: null, readings: [1.6, 1600], isPercent: false, scale: 1 });
    expect(parseNumber('1.600', 'sv')?.value).toBeNull();
    // Shapes with one reading keep their value without a language.
    expect(parseNumber('1.600.000', null)?.value).toBe(1_600_000);
    expect(parseNumber('1,600,000', null)?.value).toBe(1_600_000);
    expect(parseNumber('1.600,5', null)?.value).toBe(1600.5);
    expect(parseNumber('1,600.5', null)?.value).toBe(1600.5);
    expect(parseNumber('2,15', null)?.value).toBe(2.15);
    expect(parseNumber('0.600', null)?.value).toBe(0.6);
    expect(parseNumber('42', null)?.value).toBe(42);
    // Scale words belong to a language: not read without one.
    expect(parseNumber('3 millones', null)).toBeNull();
  });

  it('refuses what breaks the conventions or is not one number', () => {
    for (const [text, language] of [
      ['2,15', 'en'], ['1.5', 'de'], ['1,600.5', 'es'], ['1.60.0', 'en'], ['1,6000', 'en'], ['01,600', 'en'], ['', 'en'],
      ['abc', 'en'], ['12 and more', 'en'], ['1.2.3', null], ['3,', 'en'], ['.5', 'en'],
    ] as const) {
      expect(parseNumber(text, language), `${text} (${language})`).toBeNull();
    }
  });

  it('reads signs, fullwidth digits and the Indian grouping in English', () => {
    expect(parseNumber('-3,5', 'de')?.value).toBe(-3.5);
    expect(parseNumber('\u22123.5', 'en')?.value).toBe(-3.5);
    expect(parseNumber('+12', 'en')?.value).toBe(12);
    expect(parseNumber('１２３', 'en')?.value).toBe(123);
    expect(parseNumber('1,00,000', 'en')?.value).toBe(100_000);
    expect(parseNumber('1,00,000', 'de')).toBeNull();
  });

  it('normalises language tags', () => {
    expect(parseNumber('1.600', 'es-MX')?.value).toBe(1600);
    expect(parseNumber('1.600', 'ENG')?.value).toBe(1.6);
  });
});
