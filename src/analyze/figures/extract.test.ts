import { describe, expect, it } from 'vitest';
import { extractFigures } from './index.js';

const one = (text: string, includeAges = false) => extractFigures([text], { includeAges });

describe('extractFigures', () => {
  const cases: Array<{ whenInputIs: string; expectedOutputIs: Record<string, unknown> }> = [
    { whenInputIs: 'Drone attacks injured at least 18 people.', expectedOutputIs: { value: 18, low: 18, high: null, lowInclusive: true, kind: 'casualties-injured', unit: 'people', qualifier: 'at least' } },
    { whenInputIs: 'Attacks wounded more than 20 people.', expectedOutputIs: { value: 20, low: 20, lowInclusive: false, high: null, kind: 'casualties-injured' } },
    { whenInputIs: 'Leaders of nearly 30 countries met.', expectedOutputIs: { value: 30, low: 27, high: 30, highInclusive: false, approximate: true, kind: 'countries', unit: 'country' } },
    { whenInputIs: 'A summit of some 30 nations opened.', expectedOutputIs: { low: 27, high: 33, approximate: true, kind: 'countries' } },
    { whenInputIs: 'The nearly three dozen nations gather again.', expectedOutputIs: { value: 36, high: 36, highInclusive: false, kind: 'countries' } },
    { whenInputIs: 'He expects 31 delegations.', expectedOutputIs: { value: 31, low: 31, high: 31, kind: 'countries' } },
    { whenInputIs: 'Dozens of people had been injured.', expectedOutputIs: { value: null, low: 24, high: 99, kind: 'casualties-injured' } },
    { whenInputIs: 'Officials talked about 10,000 to 30,000 troops.', expectedOutputIs: { value: null, low: 10000, high: 30000, kind: 'troops', unit: 'troop' } },
    { whenInputIs: 'They fired at least 86 Shahed drones.', expectedOutputIs: { value: 86, kind: 'drones', unit: 'drone', noun: 'Shahed drones' } },
    { whenInputIs: 'It trained more than 75,000 Ukrainian troops.', expectedOutputIs: { value: 75000, kind: 'troops', noun: 'Ukrainian troops' } },
    { whenInputIs: 'The package was worth 2 billion euros ($2.15 billion) in all.', expectedOutputIs: { value: 2e9, kind: 'money', unit: 'euro', currency: 'EUR', conversion: { value: 2.15e9, currency: 'USD' } } },
    { whenInputIs: 'Shares rose 19 per cent.', expectedOutputIs: { value: 19, unit: 'percentage' } },
    { whenInputIs: 'Shelling killed one person.', expectedOutputIs: { value: 1, kind: 'casualties-killed' } },
    { whenInputIs: 'It has been on the table for half a month now.', expectedOutputIs: { value: 0.5, unit: 'month' } },
    { whenInputIs: 'Up to 5 ships sailed.', expectedOutputIs: { value: 5, low: null, high: 5, highInclusive: true } },
    { whenInputIs: 'A dozen boats sank.', expectedOutputIs: { value: 12, unit: 'boat' } },
    { whenInputIs: 'Twenty-one people voted.', expectedOutputIs: { value: 21, kind: 'people' } },
    { whenInputIs: 'Hundreds of homes burned.', expectedOutputIs: { value: null, low: 200, high: 999 } },
    { whenInputIs: 'Between 10 and 20 boats left.', expectedOutputIs: { low: 10, high: 20, qualifier: 'between' } },
    { whenInputIs: 'The fund lost $3.2bn last year.', expectedOutputIs: { value: 3.2e9, currency: 'USD' } },
    { whenInputIs: 'Speeds reached 87 mph yesterday.', expectedOutputIs: { value: 87, unit: 'mile per hour' } },
    { whenInputIs: 'The 27-nation European Union agreed.', expectedOutputIs: { value: 27, attributive: true, kind: 'countries' } },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(whenInputIs, () => {
      const figures = one(whenInputIs);
      expect(figures).toHaveLength(1);
      expect(figures[0]).toMatchObject(expectedOutputIs);
    });
  }

  const negatives = [
    'The summit took place on March 27 in Paris.',
    'The G7 and COVID-19 were discussed.',
    'It was the first step, in the 27th round.',
    'The meeting starts at 11 a.m. sharp.',
    'The war began in 2014 and escalated in 2022.',
    'If Moscow launched one, they would respond.',
    'A coalition willing in one way or another.',
    'He plays in the Big 12 conference.',
  ];
  for (const text of negatives) {
    it(`finds nothing in: ${text}`, () => {
      expect(one(text)).toEqual([]);
    });
  }

  it('carries the sentence, paragraph and surface text', () => {
    const [f] = extractFigures(['First paragraph.', 'Nothing here. Drones injured at least 11 people overnight.']);
    expect(f).toMatchObject({ paragraph: 1, sentence: 'Drones injured at least 11 people overnight.', text: 'at least 11 people' });
  });

  it('gives a count joined by "and" the casualty verb of the first', () => {
    const figures = one('Attacks injured at least 18 people in the Kharkiv region and three people in Dnipro, officials said.');
    expect(figures.map((f) => [f.value, f.kind])).toEqual([[18, 'casualties-injured'], [3, 'casualties-injured']]);
  });

  it('keeps ages only when asked', () => {
    expect(one('A 15-year-old boy was hurt.')).toEqual([]);
    expect(one('A 15-year-old boy was hurt.', true)[0]).toMatchObject({ value: 15, unit: 'year of age' });
  });

  it('is deterministic', () => {
    const text = ['Some 30 nations and more than 20 people, 2 billion euros ($2.1 billion).'];
    expect(extractFigures(text)).toEqual(extractFigures(text));
  });
});
