import { describe, expect, it } from 'vitest';
import { extractFigures } from './index.js';

const one = (text: string, includeAges = false) => extractFigures([text], { includeAges });

describe('extractFigures', () => {
  const cases: Array<{ whenInputIs: string; expectedOutputIs: Record<string, unknown> }> = [
    { whenInputIs: 'The landslide injured at least 12 villagers.', expectedOutputIs: { value: 12, low: 12, high: null, lowInclusive: true, kind: 'injured', role: 'injured', unit: 'villager', qualifier: 'at least' } },
    { whenInputIs: 'The storm wounded more than 40 people.', expectedOutputIs: { value: 40, low: 40, lowInclusive: false, high: null, kind: 'injured', unit: 'people' } },
    { whenInputIs: 'Delegates of nearly 50 countries voted.', expectedOutputIs: { value: 50, low: 45, high: 50, highInclusive: false, approximate: true, kind: 'count', unit: 'country' } },
    { whenInputIs: 'A conference of some 40 nations opened.', expectedOutputIs: { low: 36, high: 44, approximate: true, kind: 'count', unit: 'country' } },
    { whenInputIs: 'The nearly three dozen teams arrive again.', expectedOutputIs: { value: 36, high: 36, highInclusive: false, kind: 'count', unit: 'team' } },
    { whenInputIs: 'Dozens of people had been evacuated.', expectedOutputIs: { value: null, low: 24, high: 99, kind: 'evacuated' } },
    { whenInputIs: 'Officials spoke of 2,000 to 5,000 volunteers.', expectedOutputIs: { value: null, low: 2000, high: 5000, kind: 'people', unit: 'volunteer' } },
    { whenInputIs: 'Turnout rose to between 20 and 25 percent.', expectedOutputIs: { value: null, low: 20, high: 25, kind: 'percentage' } },
    { whenInputIs: 'Analysts expect 20 to 25 percent of voters to stay home.', expectedOutputIs: { value: null, low: 20, high: 25, kind: 'percentage', unit: 'percentage' } },
    { whenInputIs: 'The navy launched at least 40 patrol boats.', expectedOutputIs: { value: 40, kind: 'count', unit: 'boat', noun: 'patrol boats' } },
    { whenInputIs: 'The deal is worth 3 billion euros ($3.3 billion) in all.', expectedOutputIs: { value: 3e9, kind: 'money', unit: 'euro', currency: 'EUR', conversion: { value: 3.3e9, currency: 'USD' } } },
    { whenInputIs: 'Shares fell 12 per cent.', expectedOutputIs: { value: 12, unit: 'percentage', kind: 'percentage' } },
    { whenInputIs: 'The collapse killed one worker.', expectedOutputIs: { value: 1, kind: 'killed' } },
    { whenInputIs: 'The repairs have taken half a year so far.', expectedOutputIs: { value: 0.5, unit: 'year', kind: 'duration' } },
    { whenInputIs: 'Up to 5 ferries sailed.', expectedOutputIs: { value: 5, low: null, high: 5, highInclusive: true } },
    { whenInputIs: 'A dozen kayaks capsized.', expectedOutputIs: { value: 12, unit: 'kayak' } },
    { whenInputIs: 'Twenty-one councillors voted.', expectedOutputIs: { value: 21, kind: 'count' } },
    { whenInputIs: 'Hundreds of sheep drowned.', expectedOutputIs: { value: null, low: 200, high: 999 } },
    { whenInputIs: 'Between 10 and 20 vans left.', expectedOutputIs: { low: 10, high: 20, qualifier: 'between' } },
    { whenInputIs: 'The club lost $4.5bn last season.', expectedOutputIs: { value: 4.5e9, currency: 'USD', kind: 'money' } },
    { whenInputIs: 'Gusts reached 95 km/h at the pier.', expectedOutputIs: { value: 95, unit: 'kilometre per hour', kind: 'measure' } },
    { whenInputIs: 'The 12-member panel agreed.', expectedOutputIs: { value: 12, attributive: true } },
    { whenInputIs: 'Police detained 14 fans after the match.', expectedOutputIs: { value: 14, kind: 'arrested', role: 'arrested' } },
    { whenInputIs: 'Two of the climbers were found.', expectedOutputIs: { value: 2, attributive: true } },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(whenInputIs, () => {
      const figures = one(whenInputIs);
      expect(figures).toHaveLength(1);
      expect(figures[0]).toMatchObject(expectedOutputIs);
    });
  }

  const negatives = [
    'The fair opened on June 14 in Lyon.',
    'The A4 and the B-52 were on display.',
    'It was the second match, in the 14th round.',
    'The train leaves at 9 a.m. sharp.',
    'The dispute began in 1998 and flared in 2011.',
    'If the rival club signed one, they would object.',
    'A plan that works in one way or another.',
    'She won Division 12 last spring.',
    'He was elected two years ago.',
    'Ana Ruiz, 44, of Porto, was named.',
    'The No. 2 seed withdrew.',
  ];
  for (const text of negatives) {
    it(`finds nothing in: ${text}`, () => {
      expect(one(text)).toEqual([]);
    });
  }

  it('carries the sentence, paragraph and surface text', () => {
    const [f] = extractFigures(['First paragraph.', 'Nothing here. Floods displaced at least 300 families overnight.']);
    expect(f).toMatchObject({ paragraph: 1, sentence: 'Floods displaced at least 300 families overnight.', text: 'at least 300 families', kind: 'displaced' });
  });

  it('gives a count joined by "and" the role of the first', () => {
    const figures = one('The blast injured at least 9 people in the old town and four people in the harbour, officials said.');
    expect(figures.map((f) => [f.value, f.kind])).toEqual([[9, 'injured'], [4, 'injured']]);
    expect(figures.map((f) => f.measure.about)).toEqual([[], []]);
  });

  it('gives a bare number after "and" the noun before and its own role', () => {
    const figures = one('The fire killed 3 people and injured 17.');
    expect(figures.map((f) => [f.value, f.kind, f.unit])).toEqual([[3, 'killed', 'people'], [17, 'injured', 'people']]);
  });

  it('reads what an amount is of, its predicate and whom it is about', () => {
    const [a] = one('The firm spent $2 million in legal fees.');
    expect(a?.measure).toMatchObject({ counted: 'legal fees', head: 'fee', predicate: 'spend' });
    const [b] = one('In the poll, Alvarez won 38 percent in Leeds.');
    expect(b?.measure).toMatchObject({ predicate: 'win', about: ['Alvarez', 'Leeds'] });
    const [c] = one('The council approved a new housing plan worth 40 million euros.');
    expect(c?.measure).toMatchObject({ counted: 'housing plan', head: 'plan' });
  });

  it('dates a figure with the date of its clause', () => {
    const sentence = 'On Monday the river flooded 80 homes.';
    const [f] = extractFigures([sentence], { dates: [{ paragraph: 0, sentence, index: 0, expression: 'On Monday', start: '2026-05-04', end: '2026-05-04' }] });
    expect(f?.measure.time).toEqual({ start: '2026-05-04', end: '2026-05-04', expression: 'On Monday' });
  });

  it('marks values the sentence names as earlier or superseded', () => {
    const earlier = (language: string, text: string): Array<[string, boolean]> =>
      extractFigures([text], { language }).map((f) => [f.text, f.measure.isEarlier]);
    expect(earlier('en', 'The clinic has treated 31 people, up from the 9 injuries reported on Sunday.')).toEqual([['31 people', false], ['9 injuries', true]]);
    expect(earlier('en', 'The toll had risen from 9 to 14 by Friday.')).toEqual([['9', true], ['14', false]]);
    expect(earlier('en', 'An earlier toll of 12 dead was corrected.')).toEqual([['12 dead', true]]);
    expect(earlier('en', 'The 40 people previously reported missing were found.')).toEqual([['40 people', true]]);
    expect(earlier('en', 'The 9 injuries reported earlier were minor.')).toEqual([['9 injuries', true]]);
    expect(earlier('en', 'At least 14 people were injured and 200 homes were damaged on Sunday.')).toEqual([['At least 14 people', false], ['200 homes', false]]);
    expect(earlier('de', 'Die Zahl der Toten stieg auf 23, nach zuvor 14 Toten.').find(([t]) => t === '14 Toten')).toEqual(['14 Toten', true]);
    expect(earlier('es', 'La cifra pasó de 14 a 23 heridos.')[0]).toEqual(['14', true]);
    expect(earlier('fr', 'Le bilan, qui faisait état de 12 morts, a été corrigé; 9 morts avaient été annoncés précédemment.').find(([t]) => t.startsWith('9'))?.[1]).toBe(true);
  });

  it('reads model codes as names, not counts or ranges', () => {
    expect(one('The 787-8 holds 240 passengers and the 747-400 jets were retired.').map((f) => f.text)).toEqual(['240 passengers']);
    expect(one('Prices rose 10-20 percent.').map((f) => [f.low, f.high])).toEqual([[10, 20]]);
  });

  it('reads thousands grouped by spaces where the language writes them so', () => {
    expect(extractFigures(['Il a payé 5 000 euros.'], { language: 'fr' }).map((f) => [f.value, f.currency])).toEqual([[5000, 'EUR']]);
    expect(extractFigures(['It cost 5\u00a0000 euros.'], { language: 'en' }).map((f) => f.value)).toEqual([5000]);
  });

  it('keeps ages only when asked', () => {
    expect(one('A 9-year-old girl was hurt.')).toEqual([]);
    expect(one('A 9-year-old girl was hurt.', true)[0]).toMatchObject({ value: 9, unit: 'year of age', kind: 'age' });
  });

  it('reads nothing in a language without figure words', () => {
    expect(extractFigures(['El incendio dejó 12 heridos.'], { language: 'xx' })).toEqual([]);
  });

  it('is deterministic', () => {
    const text = ['Some 40 nations and more than 70 people, 3 billion euros ($3.3 billion).'];
    expect(extractFigures(text)).toEqual(extractFigures(text));
  });
});
