import { describe, expect, it } from 'vitest';
import { canonicalizeEntities, createEntityResolver, extractEntities } from './index.js';

describe('extractEntities', () => {
  const cases: Array<{ whenInputIs: string; expectedOutputIs: Array<[string, string]> }> = [
    { whenInputIs: 'French President Emmanuel Macron said so.', expectedOutputIs: [['person', 'Emmanuel Macron']] },
    {
      whenInputIs: 'The office of U.K. Prime Minister Keir Starmer said.',
      expectedOutputIs: [['place', 'United Kingdom'], ['person', 'Keir Starmer']],
    },
    {
      whenInputIs: 'US Secretary of State Marco Rubio spoke in Jamaica.',
      expectedOutputIs: [['place', 'United States'], ['person', 'Marco Rubio'], ['place', 'Jamaica']],
    },
    { whenInputIs: 'Britain and the U.S. disagreed.', expectedOutputIs: [['place', 'United Kingdom'], ['place', 'United States']] },
    { whenInputIs: 'They belong to the European Union, NATO said.', expectedOutputIs: [['organisation', 'European Union'], ['organisation', 'NATO']] },
    // A lone unknown capitalised word is a person only when it speaks.
    { whenInputIs: 'Witkoff said no.', expectedOutputIs: [['person', 'Witkoff']] },
    { whenInputIs: 'On Thursday the summit opened.', expectedOutputIs: [] },
    { whenInputIs: '', expectedOutputIs: [] },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(JSON.stringify(whenInputIs), () => {
      expect(extractEntities([whenInputIs]).map((m) => [m.kind, m.name])).toEqual(expectedOutputIs);
    });
  }

  it('records the title and the offsets of the name', () => {
    const [m] = extractEntities(['Ukrainian President Volodymyr Zelenskyy posted.']);
    expect(m).toMatchObject({ name: 'Volodymyr Zelenskyy', title: 'president', qualifier: 'Ukraine', start: 20, end: 39 });
  });
});

describe('canonicalizeEntities', () => {
  it('gives one name per person, place and organisation across articles, counting per outlet', () => {
    const entities = canonicalizeEntities([
      { articleId: 1, source: 'A', mentions: extractEntities(['French President Emmanuel Macron met UK officials.']) },
      { articleId: 2, source: 'B', mentions: extractEntities(['Macron said Britain agreed.', 'Macron added more.']) },
      { articleId: 3, source: 'B', mentions: extractEntities(['Zelensky said the United Kingdom agreed; President Volodymyr Zelenskyy went on.']) },
    ]);
    const macron = entities.find((e) => e.name === 'Emmanuel Macron');
    expect(macron).toMatchObject({ id: 'person:emmanuel-macron', kind: 'person', aliases: ['Emmanuel Macron', 'Macron'], count: 3 });
    expect(macron?.outlets).toEqual([{ source: 'B', count: 2 }, { source: 'A', count: 1 }]);
    expect(entities.find((e) => e.id === 'place:united-kingdom')?.count).toBe(3);
    expect(entities.find((e) => e.kind === 'person' && e.aliases.includes('Zelensky'))?.name).toBe('Volodymyr Zelenskyy');
  });

  it('resolves names, surnames and aliases', () => {
    const resolve = createEntityResolver(
      canonicalizeEntities([{ articleId: 1, source: null, mentions: extractEntities(['US President Donald Trump met U.K. leaders.']) }]),
    );
    expect(resolve('Trump')?.name).toBe('Donald Trump');
    expect(resolve('Britain')?.name).toBe('United Kingdom');
    expect(resolve('Nobody')).toBeNull();
  });

  it('returns nothing for no articles', () => {
    expect(canonicalizeEntities([])).toEqual([]);
  });
});
