import { describe, expect, it } from 'vitest';
import { extractFeatures, stemWord } from './features.js';

describe('extractFeatures', () => {
  it('finds names, numbers and stemmed words', () => {
    const { counts } = extractFeatures(null, 'On Monday, actress Tara Reid entered the Promises clinic in Malibu. Reid, 33, checked in with 1,000 fans watching.');
    expect(counts.get('@tara reid')).toBe(1);
    expect(counts.get('@reid')).toBe(2);
    expect(counts.get('@malibu')).toBe(1);
    expect(counts.has('@monday')).toBe(false);
    expect(counts.has('@on')).toBe(false);
    expect(counts.get('#33')).toBe(1);
    expect(counts.get('#1000')).toBe(1);
    expect(counts.get('enter')).toBe(1);
    expect(counts.has('the')).toBe(false);
  });

  it('counts a sentence-initial word as a name only when seen capitalised mid-sentence', () => {
    const { counts } = extractFeatures(null, 'Officials met. Police said Lorvane was calm. Lorvane residents left.');
    expect(counts.has('@officials')).toBe(false);
    expect(counts.get('@lorvane')).toBe(2);
  });

  it('weighs title words double and gives a lead', () => {
    const f = extractFeatures('Flood hits Lorvane', 'Water rose fast. More text follows here.');
    expect(f.counts.get('flood')).toBe(2);
    expect(f.lead).toBe('Water rose fast.');
  });

  it('handles empty input', () => {
    expect(extractFeatures(null, '').counts.size).toBe(0);
  });

  it('stems lightly', () => {
    expect(stemWord('injuries')).toBe('injury');
    expect(stemWord('summits')).toBe('summit');
    expect(stemWord('status')).toBe('status');
  });
});
