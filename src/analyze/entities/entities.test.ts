import { describe, expect, it } from 'vitest';
import { canonicalizeEntities, createEntityResolver, extractEntities } from './index.js';

describe('extractEntities', () => {
  const cases: Array<{ whenInputIs: string; expectedOutputIs: Array<[string, string]> }> = [
    { whenInputIs: 'Finance Minister Ines Varga said so.', expectedOutputIs: [['person', 'Ines Varga']] },
    {
      whenInputIs: 'The office of U.K. Home Secretary Lena Park said.',
      expectedOutputIs: [['place', 'United Kingdom'], ['person', 'Lena Park']],
    },
    {
      whenInputIs: 'US Secretary of State Paul Okafor spoke in Chile.',
      expectedOutputIs: [['place', 'United States'], ['person', 'Paul Okafor'], ['place', 'Chile']],
    },
    { whenInputIs: 'Britain and the U.S. disagreed.', expectedOutputIs: [['place', 'United Kingdom'], ['place', 'United States']] },
    { whenInputIs: 'They belong to the European Union, NATO said.', expectedOutputIs: [['organisation', 'European Union'], ['organisation', 'NATO']] },
    // A lone unknown capitalised word is a person only when it speaks.
    { whenInputIs: 'Okafor said no.', expectedOutputIs: [['person', 'Okafor']] },
    { whenInputIs: 'On Thursday the summit opened.', expectedOutputIs: [] },
    // An honorific stays with its name; a party and state tag is no entity.
    { whenInputIs: 'Sen. Alma Ruiz (D-Ore.) said no.', expectedOutputIs: [['person', 'Alma Ruiz']] },
    // A title after an organisation's name is kept off the person's name.
    { whenInputIs: 'County Prosecutor Hal Moss said no.', expectedOutputIs: [['person', 'Hal Moss']] },
    // "the Treasury said": an institution.
    { whenInputIs: 'The Treasury said no.', expectedOutputIs: [['organisation', 'Treasury']] },
    // A related-link headline and a byline name no participants.
    { whenInputIs: 'As Floods Swamp Valley Towns, Farmers Count What They Lost', expectedOutputIs: [] },
    { whenInputIs: 'Dana Holt in Lima contributed.', expectedOutputIs: [] },
    { whenInputIs: '', expectedOutputIs: [] },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(JSON.stringify(whenInputIs), () => {
      expect(extractEntities([whenInputIs]).map((m) => [m.kind, m.name])).toEqual(expectedOutputIs);
    });
  }

  it('records the title and the offsets of the name', () => {
    const [m] = extractEntities(['Danish Prime Minister Ines Varga posted.']);
    expect(m).toMatchObject({ name: 'Ines Varga', title: 'prime minister', qualifier: 'Denmark', start: 22, end: 32 });
  });
});

describe('canonicalizeEntities', () => {
  it('gives one name per person, place and organisation across articles, counting per outlet', () => {
    const entities = canonicalizeEntities([
      { articleId: 1, source: 'A', mentions: extractEntities(['Finance Minister Ines Varga met UK officials.']) },
      { articleId: 2, source: 'B', mentions: extractEntities(['Varga said Britain agreed.', 'Varga added more.']) },
      { articleId: 3, source: 'B', mentions: extractEntities(['Okafor said the United Kingdom agreed; Mayor Paul Okaforr went on.']) },
    ]);
    const varga = entities.find((e) => e.name === 'Ines Varga');
    expect(varga).toMatchObject({ id: 'person:ines-varga', kind: 'person', aliases: ['Ines Varga', 'Varga'], count: 3 });
    expect(varga?.outlets).toEqual([{ source: 'B', count: 2 }, { source: 'A', count: 1 }]);
    expect(entities.find((e) => e.id === 'place:united-kingdom')?.count).toBe(3);
    expect(entities.find((e) => e.kind === 'person' && e.aliases.includes('Okafor'))?.name).toBe('Paul Okaforr');
  });

  it('merges transliteration variants that never share an article, and keeps names used side by side apart', () => {
    const place = (name: string, paragraph: number) => ({ text: name, name, kind: 'place' as const, paragraph, start: 0, end: name.length });
    const entities = canonicalizeEntities([
      { articleId: 1, source: 'A', mentions: [place('Odessa', 0), place('Odessa', 1)] },
      { articleId: 2, source: 'B', mentions: [place('Odesa', 0)] },
      { articleId: 3, source: 'C', mentions: [place('Iran', 0), place('Iraq', 0)] },
      { articleId: 4, source: 'D', mentions: [place('Iraq', 0), place('Iran', 1)] },
    ]);
    const places = entities.filter((e) => e.kind === 'place').map((e) => [e.name, ...e.aliases.filter((a) => a !== e.name)]);
    expect(places).toEqual(expect.arrayContaining([['Odessa', 'Odesa'], ['Iran'], ['Iraq']]));
  });

  it('gives one kind to a name read as a person and as an organisation', () => {
    const entities = canonicalizeEntities([
      { articleId: 1, source: 'A', mentions: [
        { text: 'Ruiz', name: 'Alma Ruiz', kind: 'person', paragraph: 0, start: 0, end: 4 },
        { text: 'Ruiz', name: 'Alma Ruiz', kind: 'person', paragraph: 1, start: 0, end: 4 },
        { text: 'Ruiz', name: 'Alma Ruiz', kind: 'organisation', paragraph: 2, start: 0, end: 4 },
      ] },
    ]);
    expect(entities.map((e) => [e.kind, e.name, e.count])).toEqual([['person', 'Alma Ruiz', 3]]);
  });

  it('resolves names, surnames and aliases', () => {
    const resolve = createEntityResolver(
      canonicalizeEntities([{ articleId: 1, source: null, mentions: extractEntities(['US President Hal Moss met U.K. leaders.']) }]),
    );
    expect(resolve('Moss')?.name).toBe('Hal Moss');
    expect(resolve('Britain')?.name).toBe('United Kingdom');
    expect(resolve('Nobody')).toBeNull();
  });

  it('keeps a name with "of the" whole and reads no people of a country as an organisation', () => {
    const found = (text: string): Array<[string, string]> => extractEntities([text]).map((m) => [m.kind, m.name]);
    expect(found('The envoys formed a “Coalition of the Willing” in Oslo.')).toEqual([['organisation', 'Coalition of the Willing'], ['place', 'Oslo']]);
    expect(found('Only the Russians and the Brazilians would object, the envoy said.')).toEqual([]);
    expect(extractEntities(['Les Russes ont voté.'], 'fr')).toEqual([]);
  });

  it('returns nothing for no articles', () => {
    expect(canonicalizeEntities([])).toEqual([]);
  });
});
